// Runs a libFuzzer target over files without libFuzzer, so the seed corpus
// doubles as a plain regression test under any compiler:
//   text_fuzzer_seeds tests/fuzz/corpus/text
// Every regular file in every directory (or file) argument is fed to
// LLVMFuzzerTestOneInput once. A crash or sanitizer report fails the run.
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

int RunFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", path.c_str());
    return 1;
  }
  std::string bytes((std::istreambuf_iterator<char>(in)),
                    std::istreambuf_iterator<char>());
  LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()),
                         bytes.size());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  int files = 0, failures = 0;
  for (int i = 1; i < argc; ++i) {
    std::filesystem::path arg(argv[i]);
    std::vector<std::filesystem::path> paths;
    if (std::filesystem::is_directory(arg)) {
      for (const auto& e : std::filesystem::recursive_directory_iterator(arg))
        if (e.is_regular_file()) paths.push_back(e.path());
    } else {
      paths.push_back(arg);
    }
    for (const auto& p : paths) {
      failures += RunFile(p);
      ++files;
    }
  }
  std::printf("%d seed files run, %d unreadable\n", files, failures);
  return (files == 0 || failures != 0) ? 1 : 0;
}
