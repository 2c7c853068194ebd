// The plansheet executable: a thin shell over cli.cpp.
#include "app/cli.hpp"

int main(int argc, char** argv) { return plansheet::cli_main(argc, argv); }
