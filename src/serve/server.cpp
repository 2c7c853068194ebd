// The HTTP side of `plansheet serve` (server.hpp): routes, security headers, the upload limit, the worker pool and
// the time limit. What a request means is api.cpp's; the conversion is conversion.cpp's.
#include "serve/server.hpp"

#include <httplib.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <fmt/format.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <memory>
#include <thread>

#include "app/reading_options.hpp"
#include "model/errors.hpp"
#include "serve/api.hpp"
#include "serve/web_assets.hpp"
#include "serve/worker_pool.hpp"

extern char** environ;

namespace plansheet::serve {
namespace {

// No inline script or style, nothing from elsewhere, no framing; answers hold plans, so nothing is cached.
const httplib::Headers security_headers = {
    {"Content-Security-Policy",
     "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
     "form-action 'none'; base-uri 'none'; frame-ancestors 'none'"},
    {"X-Content-Type-Options", "nosniff"},
    {"X-Frame-Options", "DENY"},
    {"Referrer-Policy", "no-referrer"},
    {"Cache-Control", "no-store"},
};

struct Answer {
  std::string body;
  std::string content_type;
  std::string filename;  // a download's name, or "" for an answer shown in the page
};

void send_error(httplib::Response& res, int status, const std::string& message) {
  res.status = status;
  res.set_content(error_body(message), "application/json");
}

// A download's name: the upload's stem in safe characters, never a path.
std::string download_name(const std::string& upload, const std::string& extension) {
  std::string stem = upload.substr(0, upload.rfind('.'));
  std::string safe;
  for (char c : stem)
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_') safe += c;
  return (safe.empty() ? "plan" : safe) + "." + extension;
}

bool is_loopback(const std::string& host) {
  return host == "127.0.0.1" || host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

void open_in_browser(const std::string& url) {
  pid_t pid = 0;
  char* argv[] = {const_cast<char*>("xdg-open"), const_cast<char*>(url.c_str()), nullptr};
  if (posix_spawnp(&pid, "xdg-open", nullptr, nullptr, argv, environ) != 0)
    std::fprintf(stderr, "plansheet serve: cannot start xdg-open; open %s in a browser\n", url.c_str());
  else
    std::thread([pid] { waitpid(pid, nullptr, 0); }).detach();
}

class Server {
 public:
  explicit Server(const ServeOptions& options)
      : options_(options), pool_(options.workers, options.queue) {
    // Threads for connections: enough that a full queue is still told so at once, and /api/health answers.
    const std::size_t connections = options.workers + options.queue + 4;
    http_.new_task_queue = [connections] { return new httplib::ThreadPool(connections); };
    // The body may hold the plan plus the form's own framing and option fields; the plan alone is checked below.
    http_.set_payload_max_length(options.max_upload + (64u << 10));
    http_.set_default_headers(security_headers);
    http_.set_error_handler([](const httplib::Request&, httplib::Response& res) {
      if (!res.body.empty()) return;
      if (res.status == 413) send_error(res, 413, "the request is over the server's upload limit (--max-upload)");
      else if (res.status == 404) send_error(res, 404, "no such page; the page is / and the API is under /api/");
      else send_error(res, res.status, "the request could not be read as HTTP");
    });
    for (const WebAsset& asset : web_assets())
      http_.Get(std::string(asset.path), [&asset](const httplib::Request&, httplib::Response& res) {
        res.set_content(asset.body.data(), asset.body.size(), std::string(asset.content_type).c_str());
      });
    // Browsers ask for an icon; the page has none, and a 404 would be a console error on every load.
    http_.Get("/favicon.ico", [](const httplib::Request&, httplib::Response& res) { res.status = 204; });
    http_.Get("/api/health", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(fmt::format("{{\"status\": \"ok\", \"version\": \"{}\"}}\n", PLANSHEET_VERSION),
                      "application/json");
    });
    http_.Post("/api/read", [this](const httplib::Request& req, httplib::Response& res) { convert(req, res, "read"); });
    http_.Post("/api/workbook",
               [this](const httplib::Request& req, httplib::Response& res) { convert(req, res, "xlsx"); });
    http_.Post("/api/export",
               [this](const httplib::Request& req, httplib::Response& res) { convert(req, res, ""); });
  }

  int listen() {
    int port = options_.port;
    if (port == 0) port = http_.bind_to_any_port(options_.host);
    else if (!http_.bind_to_port(options_.host, port)) port = -1;
    if (port < 0)
      throw usage_error(fmt::format("cannot listen on {}:{} (in use, or not this machine's address); choose "
                                    "another with --port or --host", options_.host, options_.port));
    const std::string url = fmt::format("http://{}:{}/", options_.host.find(':') != std::string::npos
                                                             ? "[" + options_.host + "]" : options_.host, port);
    if (!is_loopback(options_.host))
      std::fprintf(stderr, "plansheet serve: warning: listening on %s, not loopback: anyone who can reach this "
                           "machine can send plans; put it behind a reverse proxy with authentication (README)\n",
                   options_.host.c_str());
    std::fprintf(stderr, "plansheet serve: %s (%zu workers; Ctrl-C to stop)\n", url.c_str(), options_.workers);
    std::fflush(stderr);
    if (options_.open) open_in_browser(url);
    return http_.listen_after_bind() ? exit_ok : exit_output;
  }

  void stop() { http_.stop(); }

 private:
  // /api/read ("read"), /api/workbook ("xlsx") and /api/export (the request's format, "").
  void convert(const httplib::Request& req, httplib::Response& res, std::string kind) {
    if (!req.is_multipart_form_data())
      return send_error(res, 400, "send the plan as multipart/form-data: a 'file' part or a 'text' field");
    std::vector<Field> fields;
    for (const auto& [name, part] : req.files)
      fields.push_back({name, part.content, part.filename, !part.filename.empty()});
    auto request = std::make_shared<ApiRequest>();
    try {
      *request = parse_fields(fields, options_.max_upload);
    } catch (const Error& e) {
      return send_error(res, http_status(e.code()), e.what());
    }
    fields.clear();
    if (request->upload.bytes.size() > options_.max_upload)
      return send_error(res, 413, fmt::format("{}: {} bytes is over the server's upload limit of {} bytes; split "
                                              "the plan or ask for a larger --max-upload", request->upload.name,
                                              request->upload.bytes.size(), options_.max_upload));
    if (kind.empty()) kind = request->format;
    auto job = [request, kind]() -> Answer {
      Reading reading = read_upload(request->upload, request->options);
      if (kind == "read") return {read_answer(reading), "application/json", ""};
      const std::string& name = request->upload.name;
      if (kind == "json")
        return {download_bytes(reading.plan, Download::json), "application/json", download_name(name, "json")};
      if (kind == "csv")
        return {download_bytes(reading.plan, Download::csv), "text/csv; charset=utf-8", download_name(name, "csv")};
      return {download_bytes(reading.plan, Download::xlsx),
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", download_name(name, "xlsx")};
    };
    std::optional<std::future<Answer>> answer = pool_.try_submit<Answer>(job);
    if (!answer) {
      res.set_header("Retry-After", "5");
      return send_error(res, 503, "the server is busy with other plans; try again in a few seconds");
    }
    // The conversion goes on in its worker to the end (a stage cannot be stopped safely half-way; each costs time
    // linear in the input, which --max-upload bounds), but the client is answered when the limit passes.
    if (answer->wait_for(std::chrono::seconds(options_.time_limit)) == std::future_status::timeout)
      return send_error(res, 503, fmt::format("{}: the conversion took longer than the server's limit of {} s; "
                                              "convert this plan with the command line", request->upload.name,
                                              options_.time_limit));
    try {
      Answer done = answer->get();
      if (!done.filename.empty())
        res.set_header("Content-Disposition", fmt::format("attachment; filename=\"{}\"", done.filename));
      res.set_content(std::move(done.body), done.content_type.c_str());
    } catch (const Error& e) {
      send_error(res, http_status(e.code()), e.what());
    } catch (const std::exception& e) {
      send_error(res, 500, fmt::format("internal error: {}; please report it with the plan", e.what()));
    }
  }

  ServeOptions options_;
  WorkerPool pool_;
  httplib::Server http_;
};

std::size_t parse_count(const std::string& flag, const std::string& value, std::size_t least) {
  const int n = parse_int(flag, value);
  if (static_cast<std::size_t>(n) < least)
    throw usage_error(fmt::format("{} takes a whole number of at least {}, not '{}'", flag, least, value));
  return static_cast<std::size_t>(n);
}

}  // namespace

ServeOptions parse_serve_options(const std::vector<std::string>& words) {
  ServeOptions options;
  options.workers = std::max(1u, std::thread::hardware_concurrency());
  bool queue_given = false;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    auto value = [&]() -> const std::string& {
      if (i + 1 >= words.size()) throw usage_error(fmt::format("{} needs a value (see 'plansheet --help')", w));
      return words[++i];
    };
    if (w == "--port") {
      options.port = parse_int(w, value());
      if (options.port > 65535) throw usage_error(fmt::format("--port takes 0 to 65535, not '{}'", options.port));
    } else if (w == "--host") options.host = value();
    else if (w == "--open") options.open = true;
    else if (w == "--max-upload") options.max_upload = parse_limit(w, value(), true);
    else if (w == "--workers") options.workers = parse_count(w, value(), 1);
    else if (w == "--queue") options.queue = parse_count(w, value(), 0), queue_given = true;
    else if (w == "--time-limit") options.time_limit = static_cast<int>(parse_count(w, value(), 1));
    else throw usage_error(fmt::format("unknown option '{}' for serve (see 'plansheet --help')", w));
  }
  if (!queue_given) options.queue = 2 * options.workers;
  return options;
}

int run_server(const ServeOptions& options) {
  // SIGINT and SIGTERM are taken by one thread that stops the server, so every request in flight is finished;
  // they are blocked before any other thread starts so that none of those takes them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  Server server(options);
  std::atomic<bool> listening_ended = false;
  std::thread stopper([&] {
    int signal = 0;
    sigwait(&stop_signals, &signal);
    // A stop before the server has started listening would be lost: ask again until listen has returned.
    while (!listening_ended) {
      server.stop();
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  });
  int code = exit_ok;
  try {
    code = server.listen();
    listening_ended = true;
  } catch (...) {
    listening_ended = true;
    pthread_kill(stopper.native_handle(), SIGTERM);
    stopper.join();
    throw;
  }
  pthread_kill(stopper.native_handle(), SIGTERM);  // when listen ended for another reason than a signal
  stopper.join();
  return code;
}

int serve_main(const std::vector<std::string>& words) { return run_server(parse_serve_options(words)); }

}  // namespace plansheet::serve
