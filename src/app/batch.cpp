// `plansheet batch`: collect inputs, convert them on worker threads, report. Files are independent (each run()
// builds its own dictionary and state), so workers share nothing but a queue index and a list of finished files.
#include "app/batch.hpp"

#include <fmt/format.h>
#include <malloc.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <map>
#include <mutex>
#include <new>
#include <thread>

#include "app/batch_report.hpp"
#include "app/convert.hpp"
#include "text/dictionary.hpp"
#include "model/errors.hpp"
#include "app/output_files.hpp"
#include "app/progress.hpp"
#include "load/input_format.hpp"
#include "text/text_span.hpp"
#include "text/unicode_text.hpp"

namespace fs = std::filesystem;

namespace plansheet {
namespace {

constexpr const char* report_stem = "batch-report";

// One file's work, planned before any thread starts so that workers never touch shared containers.
struct Job {
  BatchInput input;
  fs::path xlsx;      // absolute or as given under OUT_DIR
  fs::path json;      // empty without --json
  std::string output; // the workbook relative to OUT_DIR, for the report
  std::string refusal;  // non-empty: the file is not converted, for this reason
  std::uintmax_t size = 0;
};

bool is_inside(const fs::path& path, const fs::path& folder) {
  auto p = path.begin(), f = folder.begin();
  for (; f != folder.end(); ++f, ++p)
    if (p == path.end() || *p != *f) return false;
  return true;
}

// OUT_DIR/<relative>.xlsx with the input's extension replaced; when two inputs would share a name (plan.txt and
// plan.csv, or the report's own name) the later keeps its extension (plan.csv.xlsx); a third clash is refused.
std::vector<Job> plan_jobs(std::vector<BatchInput> inputs, const BatchRequest& request) {
  std::error_code ec;
  const fs::path out_dir = fs::path(request.out_dir);
  const fs::path out_canonical = fs::weakly_canonical(fs::absolute(out_dir, ec), ec).lexically_normal();
  std::map<std::string, std::string> taken{{(out_dir / (std::string(report_stem) + ".xlsx")).lexically_normal().string(),
                                            "the batch report"}};
  std::vector<Job> jobs;
  for (BatchInput& in : inputs) {
    // Outputs of an earlier batch into a folder under the input folder (its report .csv) are not inputs.
    const fs::path canonical = fs::weakly_canonical(fs::absolute(in.path, ec), ec).lexically_normal();
    if (!out_canonical.empty() && is_inside(canonical, out_canonical) && canonical != out_canonical) continue;
    Job job;
    job.input = std::move(in);
    job.size = fs::file_size(job.input.path, ec);
    if (ec) job.size = 0;
    const fs::path relative = fs::path(job.input.relative).lexically_normal();
    fs::path xlsx = (out_dir / relative).replace_extension(".xlsx").lexically_normal();
    if (taken.count(xlsx.string())) xlsx = (out_dir / relative).lexically_normal().concat(".xlsx");
    if (auto clash = taken.find(xlsx.string()); clash != taken.end()) {
      job.refusal = fmt::format("{}: its output {} is already taken by {}; rename one of them or batch them separately",
                                job.input.path, xlsx.string(), clash->second);
    } else {
      taken.emplace(xlsx.string(), job.input.path);
      job.xlsx = xlsx;
      if (request.json) job.json = fs::path(xlsx).replace_extension(".json");
      job.output = xlsx.lexically_relative(out_dir).string();
    }
    jobs.push_back(std::move(job));
  }
  return jobs;
}

BatchResult convert_one(const Job& job, const Options& options) {
  BatchResult r;
  r.file = job.input.path;
  if (!job.refusal.empty()) {
    r.result = "failed";
    r.message = job.refusal;
    return r;
  }
  // Any exception ends this file only: the batch carries on with the rest.
  try {
    std::error_code ec;
    fs::create_directories(job.xlsx.parent_path(), ec);
    if (ec && !fs::is_directory(job.xlsx.parent_path()))
      throw output_error(fmt::format("{}: cannot create the folder {} ({}); check permissions and space",
                                     job.input.path, job.xlsx.parent_path().string(), ec.message()));
    Plan plan = convert_file(ConvertRequest{job.input.path, job.xlsx.string(), job.json.string(), "", options});
    r.output = job.output;
    r.actions = plan.actions.size();
    r.repairs = plan.repairs.size();
    r.warnings = plan.warnings.size();
    r.result = "converted";
  } catch (const Error& e) {
    r.result = e.code() == exit_input ? "skipped" : "failed";
    r.message = e.what();
  } catch (const std::bad_alloc&) {
    r.result = "failed";
    r.message = fmt::format("{}: out of memory; convert it alone or with fewer jobs (-j)", job.input.path);
  } catch (const std::exception& e) {
    r.result = "failed";
    r.message = fmt::format("{}: internal error: {}; please report it with the input file", job.input.path, e.what());
  }
  return r;
}

std::string progress_line(std::size_t done, std::size_t total, const BatchResult& r) {
  if (r.result == "converted")
    return fmt::format("[{}/{}] {}: {} actions, {} repairs, {} warnings -> {}", done, total, r.file, r.actions,
                       r.repairs, r.warnings, r.output);
  return fmt::format("[{}/{}] {}: {}", done, total, r.result, r.message);
}

unsigned worker_count(int requested, std::size_t files) {
  unsigned n = requested > 0 ? static_cast<unsigned>(requested) : std::thread::hardware_concurrency();
  if (n == 0) n = 1;
  return static_cast<unsigned>(std::min<std::size_t>(n, std::max<std::size_t>(files, 1)));
}

}  // namespace

std::vector<BatchInput> collect_batch_inputs(const std::vector<std::string>& inputs) {
  std::vector<BatchInput> found;
  for (const std::string& input : inputs) {
    std::error_code ec;
    if (fs::is_directory(input, ec)) {
      std::vector<BatchInput> here;
      for (auto it = fs::recursive_directory_iterator(input, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        std::error_code file_ec;
        if (it->is_regular_file(file_ec) && is_input_extension(it->path().extension().string()))
          here.push_back({it->path().string(), fs::relative(it->path(), input, file_ec).string()});
      }
      std::sort(here.begin(), here.end(), [](const BatchInput& a, const BatchInput& b) { return a.relative < b.relative; });
      found.insert(found.end(), here.begin(), here.end());
    } else {
      // A file named directly is tried whatever its extension; a missing one becomes a "skipped" row.
      found.push_back({input, fs::path(input).filename().string()});
    }
  }
  return found;
}

int run_batch(const BatchRequest& request) {
  std::vector<Job> jobs = plan_jobs(collect_batch_inputs(request.inputs), request);
  if (jobs.empty())
    throw input_error(fmt::format("batch: no {} files found in the given inputs", input_extensions_list()));
  std::error_code ec;
  fs::create_directories(request.out_dir, ec);
  if (!fs::is_directory(request.out_dir, ec))
    throw output_error(fmt::format("batch: cannot create the output folder {}; check the path and permissions",
                                   request.out_dir));

  // Largest files first, so that no worker is left with a big file at the end while the others idle.
  std::vector<std::size_t> order(jobs.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return jobs[a].size > jobs[b].size; });

  std::vector<BatchResult> results(jobs.size());
  std::atomic<std::size_t> next{0};
  std::mutex mutex;
  std::condition_variable finished_cv;
  std::deque<std::size_t> finished;  // indices of results ready to announce, guarded by mutex

  auto worker = [&]() {
    for (std::size_t k = next.fetch_add(1); k < order.size(); k = next.fetch_add(1)) {
      const std::size_t i = order[k];
      results[i] = convert_one(jobs[i], request.options);  // each thread writes only its own slots
      {
        std::lock_guard<std::mutex> lock(mutex);
        finished.push_back(i);
      }
      finished_cv.notify_one();
    }
  };

#ifdef M_TRIM_THRESHOLD
  // Every file frees its working memory before the next one. By default glibc hands the freed top of each heap
  // back to the kernel and the next file faults it in again: about 390 page faults a small plan, which with two
  // workers contend on the one process's memory map. Keeping up to 16 MiB an arena for reuse removes nearly all
  // of them (1,000 plans: 389,000 faults to 7,000; see README, Benchmarks).
  mallopt(M_TRIM_THRESHOLD, 16 << 20);
#endif

  // ICU builds its normaliser on first use behind its own once-flag; building it here, before any worker starts,
  // keeps that one-time write out of the threads (and ThreadSanitizer, which cannot see inside ICU, quiet).
  (void)text::to_nfc("e\u0301");
  // Hunspell shares one reference-counted case table between all its objects and frees it when the count drops
  // to zero; a dictionary held open for the whole batch keeps workers from freeing it under each other.
  const Dictionary keep_hunspell_tables;

  const bool terminal = !request.quiet && stream_is_terminal(stderr);
  Progress progress(stderr, jobs.size(), terminal);
  const unsigned n_workers = worker_count(request.jobs, jobs.size());
  std::vector<std::thread> threads;
  threads.reserve(n_workers);
  for (unsigned t = 0; t < n_workers; ++t) threads.emplace_back(worker);

  // The calling thread only announces: plain lines (not a terminal), or a redrawn bar with problems noted above it.
  std::size_t done = 0, actions = 0;
  while (done < jobs.size()) {
    std::deque<std::size_t> batch;
    {
      std::unique_lock<std::mutex> lock(mutex);
      finished_cv.wait_for(lock, std::chrono::milliseconds(100), [&] { return !finished.empty(); });
      batch.swap(finished);
    }
    for (std::size_t i : batch) {
      ++done;
      actions += results[i].actions;
      progress.update(done, actions);
      if (!request.quiet && (!terminal || results[i].result != "converted"))
        progress.note(progress_line(done, jobs.size(), results[i]));
    }
    progress.update(done, actions);
  }
  for (std::thread& t : threads) t.join();
  progress.update(done, actions, true);
  progress.finish();

  std::size_t converted = 0;
  for (const BatchResult& r : results) converted += r.result == "converted";
  if (!request.quiet) std::fputs(batch_report_table(results).c_str(), stdout);
  const fs::path csv = fs::path(request.out_dir) / (std::string(report_stem) + ".csv");
  const fs::path xlsx = fs::path(request.out_dir) / (std::string(report_stem) + ".xlsx");
  write_file_atomically(csv.string(), batch_report_csv(results));
  write_batch_report_xlsx(results, xlsx.string());
  if (!request.quiet)
    std::printf("%s\n", fmt::format("batch: {} of {} files converted ({} actions) in {:.1f} s with {} thread{}; "
                                    "report: {}, {}",
                                    converted, jobs.size(), actions, progress.elapsed_seconds(), n_workers,
                                    n_workers == 1 ? "" : "s", csv.string(), xlsx.string()).c_str());
  std::fflush(stdout);
  return converted == jobs.size() ? exit_ok : exit_doubts;
}

}  // namespace plansheet
