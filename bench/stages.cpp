// Where a conversion's time goes: one input through the same calls as `plansheet convert`, the cleaning (read,
// parse, repair: pipeline::run) and the writing of the workbook (xlsx::write_workbook) timed apart.
// usage: stages IN OUT.xlsx   prints "clean_s write_s" on one line.
// bench/run.sh compares the writing alone against the floor: the part of the ratio no cleaning speed can remove.
#include <chrono>
#include <cstdio>
#include <exception>

#include "app/output_files.hpp"
#include "pipeline.hpp"
#include "xlsx/writer.hpp"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: stages IN OUT.xlsx\n");
    return 2;
  }
  try {
    using clock = std::chrono::steady_clock;
    const auto start = clock::now();
    plansheet::Plan plan = [&] {
      const std::string bytes = plansheet::read_input(argv[1]);
      return plansheet::run(argv[1], bytes, plansheet::Options{});
    }();
    const auto cleaned = clock::now();
    plansheet::xlsx::write_workbook(plan, argv[2]);
    const auto written = clock::now();
    std::printf("%.3f %.3f\n", std::chrono::duration<double>(cleaned - start).count(),
                std::chrono::duration<double>(written - cleaned).count());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "stages: %s\n", e.what());
    return 1;
  }
  return 0;
}
