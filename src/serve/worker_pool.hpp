// A fixed number of worker threads with a short queue: a job in, a future of its result out, or nothing when the
// workers are busy and the queue is full (the server answers 503 then, rather than letting work pile up).
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace plansheet::serve {

class WorkerPool {
 public:
  WorkerPool(std::size_t workers, std::size_t queue_length);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // The job's result to come, or nullopt when every worker is busy and `queue_length` jobs already wait.
  template <typename T>
  std::optional<std::future<T>> try_submit(std::function<T()> job) {
    auto task = std::make_shared<std::packaged_task<T()>>(std::move(job));
    std::future<T> result = task->get_future();
    if (!try_push([task] { (*task)(); })) return std::nullopt;
    return result;
  }

 private:
  bool try_push(std::function<void()> job);
  void work();

  std::size_t workers_, queue_length_;
  std::size_t busy_ = 0;
  bool stopping_ = false;
  std::deque<std::function<void()>> queue_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::vector<std::thread> threads_;
};

}  // namespace plansheet::serve
