// The worker pool (worker_pool.hpp): jobs run in arrival order on a fixed set of threads.
#include "serve/worker_pool.hpp"

namespace plansheet::serve {

WorkerPool::WorkerPool(std::size_t workers, std::size_t queue_length)
    : workers_(workers == 0 ? 1 : workers), queue_length_(queue_length) {
  for (std::size_t i = 0; i < workers_; ++i) threads_.emplace_back([this] { work(); });
}

WorkerPool::~WorkerPool() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  ready_.notify_all();
  for (std::thread& t : threads_) t.join();
}

bool WorkerPool::try_push(std::function<void()> job) {
  {
    std::lock_guard lock(mutex_);
    // A free worker takes the job at once; otherwise it waits only while the queue has room.
    if (busy_ + queue_.size() >= workers_ + queue_length_) return false;
    queue_.push_back(std::move(job));
  }
  ready_.notify_one();
  return true;
}

void WorkerPool::work() {
  for (;;) {
    std::function<void()> job;
    {
      std::unique_lock lock(mutex_);
      ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and nothing left to do
      job = std::move(queue_.front());
      queue_.pop_front();
      ++busy_;
    }
    job();  // a packaged_task: an exception goes to the caller's future
    std::lock_guard lock(mutex_);
    --busy_;
  }
}

}  // namespace plansheet::serve
