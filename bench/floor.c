/* The floor for the benchmarks: a tab-separated table of clean cells in, one .xlsx sheet of those cells out, with
 * libxlsxwriter and nothing else (no cleaning, no styling). usage: floor IN.tsv OUT.xlsx
 * Like plansheet, it switches libxlsxwriter to constant-memory mode at 100,000 rows. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

static int die(const char *what, const char *detail) {
    fprintf(stderr, "floor: %s: %s\n", what, detail);
    return 1;
}

int main(int argc, char **argv) {
    if (argc != 3) return die("usage", "floor IN.tsv OUT.xlsx");
    FILE *in = fopen(argv[1], "rb");
    if (!in) return die(argv[1], "cannot read");
    if (fseek(in, 0, SEEK_END) != 0) return die(argv[1], "cannot seek");
    long size = ftell(in);
    if (size < 0 || fseek(in, 0, SEEK_SET) != 0) return die(argv[1], "cannot size");
    char *text = malloc((size_t)size + 1);
    if (!text) return die(argv[1], "out of memory");
    if (fread(text, 1, (size_t)size, in) != (size_t)size) return die(argv[1], "read error");
    text[size] = '\0';
    fclose(in);

    size_t rows = 0;
    for (long i = 0; i < size; ++i) rows += text[i] == '\n';

    lxw_workbook_options options = {.constant_memory = rows >= 100000 ? LXW_TRUE : LXW_FALSE, .tmpdir = NULL};
    lxw_workbook *wb = workbook_new_opt(argv[2], &options);
    if (!wb) return die(argv[2], "cannot create the workbook");
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Actions");
    if (!ws) return die(argv[2], "cannot add a sheet");

    lxw_row_t row = 0;
    char *line = text;
    while (*line) {
        char *end = strchr(line, '\n');
        if (end) *end = '\0';
        lxw_col_t col = 0;
        char *cell = line;
        for (;;) {
            char *tab = strchr(cell, '\t');
            if (tab) *tab = '\0';
            if (*cell) {
                lxw_error e = worksheet_write_string(ws, row, col, cell, NULL);
                if (e != LXW_NO_ERROR) return die("writing a cell", lxw_strerror(e));
            }
            if (!tab) break;
            cell = tab + 1;
            ++col;
        }
        ++row;
        if (!end) break;
        line = end + 1;
    }
    lxw_error e = workbook_close(wb);
    free(text);
    if (e != LXW_NO_ERROR) return die(argv[2], lxw_strerror(e));
    return 0;
}
