// Stage: write the workbook. A Plan (or a laid-out WorkbookModel) in, an .xlsx file out via libxlsxwriter.
// The one place that calls libxlsxwriter: every lxw_error is checked here and becomes Error(exit_output).
// Streamed sheet bodies go from the plan to libxlsxwriter one row at a time; nothing here copies a cell.
#include "xlsx/writer.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <limits>
#include <optional>
#include <vector>

#include <fmt/format.h>
#include <xlsxwriter.h>

#include "model/errors.hpp"
#include "xlsx/layout.hpp"
#include "xlsx/write_chart.hpp"
#include "xlsx/write_model.hpp"

namespace plansheet::xlsx {

namespace {

namespace fs = std::filesystem;

// The largest Actions sheet whose notes are placed by the rows' real heights (see open_part).
constexpr int notes_by_real_heights_rows = 3000;

lxw_row_t row_of(int row) { return static_cast<lxw_row_t>(row); }
lxw_col_t col_of(int col) { return static_cast<lxw_col_t>(col); }

// Owns the libxlsxwriter workbook until workbook_close takes it; frees it unwritten on any failure.
struct WorkbookHandle {
  lxw_workbook* wb = nullptr;
  ~WorkbookHandle() {
    if (wb) lxw_workbook_free(wb);
  }
};

// The temporary file beside the target: removed unless the rename into place succeeded.
struct TempFile {
  std::string path;
  bool keep = false;
  ~TempFile() {
    if (!path.empty() && !keep) ::unlink(path.c_str());
  }
};

class Writer {
 public:
  Writer(const WorkbookModel& model, std::string target) : model_(model), target_(std::move(target)) {}

  void write(const std::string& temp_path) {
    lxw_workbook_options options{};
    options.constant_memory = model_.constant_memory ? LXW_TRUE : LXW_FALSE;
    handle_.wb = workbook_new_opt(temp_path.c_str(), &options);
    if (!handle_.wb) fail("creating the workbook", "out of memory or no temporary folder");

    // 1. Document properties, created now (or at SOURCE_DATE_EPOCH, for reproducible files).
    write_properties();
    // 2. The style table: every format created once, looked up by id.
    create_formats();
    // 3. Each sheet, in order, as a flat list of steps.
    for (const Sheet& sheet : model_.sheets) write_sheet(sheet);
    // 4. Assemble and zip. workbook_close frees the workbook whatever it returns.
    lxw_workbook* wb = handle_.wb;
    handle_.wb = nullptr;
    check(workbook_close(wb), "saving the file");
  }

 private:
  [[noreturn]] void fail(std::string_view what, std::string_view why) const {
    throw output_error(fmt::format("cannot write workbook '{}': {} failed ({}); check that the folder exists, is "
                                   "writable and has space",
                                   target_, what, why));
  }
  void check(lxw_error err, std::string_view what) const {
    if (err != LXW_NO_ERROR) fail(what, lxw_strerror(err));
  }

  void write_properties() {
    lxw_doc_properties props{};
    props.title = const_cast<char*>(model_.properties.title.c_str());
    props.subject = const_cast<char*>(model_.properties.subject.c_str());
    props.keywords = const_cast<char*>(model_.properties.keywords.c_str());
    props.comments = const_cast<char*>(model_.properties.comments.c_str());
    props.created = workbook_created_time();
    check(workbook_set_properties(handle_.wb, &props), "setting the document properties");
    // The rows above the Actions header are this workbook's own title block (title, source line, key): a name
    // says so, and Excel moves it with the rows, so reading the workbook back sets them aside (load_xlsx).
    const int header = model_.actions.header_row;
    if (header > 0 && !model_.actions.columns.empty()) {
      const std::string range = quote_sheet_name(actions_sheet) + "!" +
                                cell_ref(0, 0, true) + ":" + cell_ref(header - 1, model_.actions.columns.back().col, true);
      check(workbook_define_name(handle_.wb, own_title_block_name.data(), range.c_str()), "naming the title block");
    }
  }

  void create_formats() {
    for (const StyleSpec& s : model_.styles) {
      lxw_format* f = workbook_add_format(handle_.wb);
      if (!f) fail(fmt::format("creating style '{}'", style_name(s.id)), "out of memory");
      if (s.bold) format_set_bold(f);
      if (s.italic) format_set_italic(f);
      if (s.underline) format_set_underline(f, LXW_UNDERLINE_SINGLE);
      if (s.wrap) format_set_text_wrap(f);
      if (s.font_size > 0) format_set_font_size(f, s.font_size);
      if (!s.num_format.empty()) format_set_num_format(f, std::string(s.num_format).c_str());
      if (s.font_colour != 0) format_set_font_color(f, s.font_colour);
      if (s.fill) {
        if (!s.conditional) format_set_pattern(f, LXW_PATTERN_SOLID);
        format_set_bg_color(f, *s.fill);
      }
      if (s.border) {
        format_set_border(f, LXW_BORDER_THIN);
        format_set_border_color(f, s.border_colour);
      }
      if (s.side_rules) {
        format_set_left(f, LXW_BORDER_DASHED);
        format_set_right(f, LXW_BORDER_DASHED);
        format_set_left_color(f, s.border_colour);
        format_set_right_color(f, s.border_colour);
      }
      if (s.top_rule) {
        format_set_top(f, LXW_BORDER_MEDIUM);
        format_set_top_color(f, s.border_colour);
      }
      if (!s.conditional) {
        switch (s.align) {
          case Align::left: format_set_align(f, LXW_ALIGN_LEFT); break;
          case Align::centre: format_set_align(f, LXW_ALIGN_CENTER); break;
          case Align::right: format_set_align(f, LXW_ALIGN_RIGHT); break;
          case Align::general: break;
        }
        switch (s.valign) {
          case VAlign::top: format_set_align(f, LXW_ALIGN_VERTICAL_TOP); break;
          case VAlign::centre: format_set_align(f, LXW_ALIGN_VERTICAL_CENTER); break;
          case VAlign::bottom: format_set_align(f, LXW_ALIGN_VERTICAL_BOTTOM); break;
        }
      }
      formats_[static_cast<std::size_t>(s.id)] = f;
    }
  }

  lxw_format* format(Style style) const {
    if (style == Style::none) return nullptr;
    lxw_format* f = formats_[static_cast<std::size_t>(style)];
    if (!f) fail(fmt::format("finding style '{}'", style_name(style)), "the layout used a style it did not define");
    return f;
  }

  // The failure messages name the cell or row; they are made only when a call has failed.
  void check_cell(lxw_error err, int row, int col) const {
    if (err != LXW_NO_ERROR) fail(fmt::format("writing cell {}!{}", part_name_, cell_ref(row, col)), lxw_strerror(err));
  }
  void check_row(lxw_error err, int row) const {
    if (err != LXW_NO_ERROR) fail(fmt::format("setting the height of {} row {}", part_name_, row + 1), lxw_strerror(err));
  }

  // One sheet of the model. A sheet longer than a sheet can be (see SheetSplit) is written over continuation
  // sheets, each opened when the first of its rows comes and given the title and header rows again.
  void write_sheet(const Sheet& sheet) {
    sheet_ = &sheet;
    merges_by_row_.clear();
    if (model_.constant_memory) {
      for (const Merge& m : sheet.merges) merges_by_row_.push_back(&m);
      std::stable_sort(merges_by_row_.begin(), merges_by_row_.end(),
                       [](const Merge* a, const Merge* b) { return a->range.first_row < b->range.first_row; });
    }
    open_part(0);
    write_rows_and_cells();
    close_part();
  }

  // Adds the workbook sheet for part `part` of the current model sheet; a continuation repeats the rows above the
  // split.
  void open_part(int part) {
    const Sheet& sheet = *sheet_;
    part_ = part;
    part_name_ = part_name(sheet.name, part);
    check(workbook_validate_sheet_name(handle_.wb, part_name_.c_str()), fmt::format("naming sheet '{}'", part_name_));
    ws_ = workbook_add_worksheet(handle_.wb, part_name_.c_str());
    if (!ws_) fail(fmt::format("adding sheet '{}'", part_name_), "out of memory");
    // libxlsxwriter places a note by the rows' real heights only once the default height has changed; otherwise it
    // counts every row at 15 pt and a note on a sheet of tall wrapped rows opens far above its cell. It then adds
    // up every row above each note, so only a plan of modest size gets this: on a large one it would cost rows
    // times notes.
    if (model_.actions.last_row <= notes_by_real_heights_rows) {
      worksheet_set_default_row(ws_, 16, LXW_FALSE);
      worksheet_set_default_row(ws_, LXW_DEF_ROW_HEIGHT, LXW_FALSE);
    }
    write_columns();
    band_merges_.clear();
    if (part > 0) {
      OwnRows above = own_rows();
      write_own_rows(above, sheet.split.first_row);
    }
  }

  // What follows a part's rows: merges, dropdowns and colour rules over its rows, the chart, view and print setup.
  void close_part() {
    const Sheet& sheet = *sheet_;
    if (!model_.constant_memory) {
      // The sheet's own merges: those above the split on every part, the others on the part they land on.
      for (const Merge& m : sheet.merges) {
        if (m.range.last_row >= sheet.split.first_row && sheet.split.part_of(m.range.first_row) != part_) continue;
        if (const std::optional<Range> range = sheet.split.on_part(m.range, part_)) write_merge({*range, m.text, m.style});
      }
      for (const Merge& m : band_merges_) write_merge(m);
    }
    write_validations();
    write_conditionals();
    table_written_ = write_table();
    if (sheet.ids_as_text)
      if (const std::optional<Range> range = sheet.split.on_part(*sheet.ids_as_text, part_)) {
        const std::string ref = cell_ref(range->first_row, range->first_col) + ":" + cell_ref(range->last_row, range->last_col);
        check(worksheet_ignore_errors(ws_, LXW_IGNORE_NUMBER_STORED_AS_TEXT, ref.c_str()),
              fmt::format("marking the ids of {} as text", part_name_));
      }
    if (part_ == 0)
      write_charts(handle_.wb, ws_, *sheet_, [this](std::string_view what, std::string_view why) { fail(what, why); });
    write_view_and_print();
  }

  // The row where model row `row` lands, on the part it belongs to (opened now if it is the next one). Rows come in
  // ascending order; those above the split are the first part's (and repeated by open_part on the others).
  int place(int row) {
    const SheetSplit& split = sheet_->split;
    if (row < split.first_row) return row;
    const int part = split.part_of(row);
    if (part != part_) {
      close_part();
      open_part(part);
    }
    return split.row_on_part(row);
  }

  void write_columns() {
    for (const ColumnSpec& c : sheet_->columns) {
      lxw_row_col_options hide{};
      hide.hidden = 1;
      check(worksheet_set_column_opt(ws_, col_of(c.first), col_of(c.last), c.width, format(c.style),
                                     c.hidden ? &hide : nullptr),
            fmt::format("setting the width of {}!{}", part_name_, column_name(c.first)));
    }
  }

  // Rows in order, so constant-memory mode (which flushes each row as the next begins) sees them in order too:
  // the sheet's own rows above its body, the body's rows as they are made, then any own rows below.
  void write_rows_and_cells() {
    const Sheet& sheet = *sheet_;
    OwnRows own = own_rows();
    if (sheet.body) {
      write_own_rows(own, sheet.body->first_row());
      sheet.body->each_row([&](const RowView& row) { write_row(row); });
    }
    write_own_rows(own, std::numeric_limits<int>::max());
  }

  // Three sorted walks over a sheet's own rows: heights, cells, and (constant-memory mode) merges by first row.
  struct OwnRows {
    std::vector<RowSpec>::const_iterator height, height_end;
    std::vector<SheetCell>::const_iterator cell, cell_end;
    std::vector<const Merge*>::const_iterator merged, merged_end;
  };
  OwnRows own_rows() const {
    return {sheet_->rows.begin(), sheet_->rows.end(), sheet_->cells.begin(), sheet_->cells.end(),
            merges_by_row_.begin(), merges_by_row_.end()};
  }

  // The own rows above `below`, each with its height, then its cells by column, then (constant-memory mode) the
  // merges that start on it: merged while their row is still the open one, since a flushed row cannot be merged.
  // The merges of one row span that row only (the title block's lines), so no later row is opened early.
  void write_own_rows(OwnRows& own, int below) {
    while (true) {
      int row = below;
      if (own.height != own.height_end) row = std::min(row, own.height->row);
      if (own.cell != own.cell_end) row = std::min(row, own.cell->row);
      if (own.merged != own.merged_end) row = std::min(row, (*own.merged)->range.first_row);
      if (row >= below) return;
      const int at = place(row);
      if (own.height != own.height_end && own.height->row == row) {
        // A hidden row holds the dates the Gantt's rules read: out of the way of reading and print.
        lxw_row_col_options hide{};
        hide.hidden = 1;
        check_row(worksheet_set_row_opt(ws_, row_of(at), own.height->height, format(own.height->style),
                                        own.height->hidden ? &hide : nullptr),
                  at);
        ++own.height;
      }
      for (; own.cell != own.cell_end && own.cell->row == row; ++own.cell) {
        const SheetCell& c = *own.cell;
        write_cell(at, CellView{c.col, c.kind, c.style, c.text, c.number, c.note, c.link});
      }
      for (; own.merged != own.merged_end && (*own.merged)->range.first_row == row; ++own.merged) {
        const Merge& m = **own.merged;
        const int height = m.range.last_row - m.range.first_row;
        write_merge({{at, m.range.first_col, at + height, m.range.last_col}, m.text, m.style});
      }
    }
  }

  // A cell on row `row` of the current part. The views of a CellView end at a NUL (see sheet_model.hpp), so
  // their data() is a C string.
  void write_cell(int row, const CellView& c) {
    const lxw_row_t r = row_of(row);
    const lxw_col_t k = col_of(c.col);
    lxw_format* f = format(c.style);
    lxw_error err = LXW_NO_ERROR;
    if (!c.link.empty()) {
      err = worksheet_write_url_opt(ws_, r, k, c.link.data(), f, c.text.data(), nullptr);
    } else {
      switch (c.kind) {
        case CellKind::text: err = worksheet_write_string(ws_, r, k, c.text.data(), f); break;
        case CellKind::number: err = worksheet_write_number(ws_, r, k, c.number, f); break;
        case CellKind::formula: err = worksheet_write_formula_num(ws_, r, k, c.text.data(), f, c.number); break;
        case CellKind::blank:
          if (f) err = worksheet_write_blank(ws_, r, k, f);
          break;
      }
    }
    check_cell(err, row, c.col);
    // The note goes with its cell: in constant-memory mode a row cannot be touched once the next has begun.
    if (!c.note.empty()) write_note(row, c.col, c.note);
  }

  // One streamed row. A band becomes a merged range written with the part's other merges (its first cell now
  // only when it carries a note), or in constant-memory mode its text and styled blanks across.
  void write_row(const RowView& row) {
    const int at = place(row.row);
    if (row.height > 0) check_row(worksheet_set_row(ws_, row_of(at), row.height, nullptr), at);
    for (const CellView& c : row.cells) {
      if (row.merge_to < 0 || c.col != 0) {
        write_cell(at, c);
        continue;
      }
      if (model_.constant_memory) {  // merged now, while the row is open (see write_own_rows)
        write_merge({{at, 0, at, row.merge_to}, std::string(c.text), c.style});
        if (!c.note.empty()) write_note(at, c.col, c.note);
        continue;
      }
      if (!c.note.empty()) write_cell(at, c);
      band_merges_.push_back({{at, 0, at, row.merge_to}, std::string(c.text), c.style});
    }
  }

  void write_merge(const Merge& m) {
    const lxw_error err = worksheet_merge_range(ws_, row_of(m.range.first_row), col_of(m.range.first_col),
                                                row_of(m.range.last_row), col_of(m.range.last_col), m.text.c_str(),
                                                format(m.style));
    if (err != LXW_NO_ERROR)
      fail(fmt::format("merging {}!{}:{}", part_name_, cell_ref(m.range.first_row, m.range.first_col),
                       cell_ref(m.range.last_row, m.range.last_col)),
           lxw_strerror(err));
  }

  void write_note(int row, int col, std::string_view note) {
    lxw_comment_options opts{};
    opts.author = const_cast<char*>("plansheet");
    opts.width = 360;
    // Tall enough for the note's lines at about 55 characters a line.
    int lines = 0;
    for (std::size_t p = 0; p <= note.size();) {
      std::size_t q = note.find('\n', p);
      if (q == std::string_view::npos) q = note.size();
      lines += 1 + static_cast<int>((q - p) / 55);
      p = q + 1;
    }
    opts.height = static_cast<uint16_t>(std::min(600, 20 + 16 * lines));
    const lxw_error err = worksheet_write_comment_opt(ws_, row_of(row), col_of(col), note.data(), &opts);
    if (err != LXW_NO_ERROR)
      fail(fmt::format("adding the note on {}!{}", part_name_, cell_ref(row, col)), lxw_strerror(err));
  }

  // Dropdowns and colour rules over the current part's rows.
  void write_validations() {
    for (const Validation& v : sheet_->validations) {
      const std::optional<Range> range = sheet_->split.on_part(v.range, part_);
      if (!range) continue;
      lxw_data_validation dv{};
      std::vector<char*> items;
      if (v.source.empty()) {
        dv.validate = LXW_VALIDATION_TYPE_LIST;
        for (const std::string& s : v.items) items.push_back(const_cast<char*>(s.c_str()));
        items.push_back(nullptr);
        dv.value_list = items.data();
      } else {
        dv.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
        dv.value_formula = const_cast<char*>(v.source.c_str());
      }
      // A warning, not a stop: an officer may need a value the plan never used, and Excel asks before keeping it.
      dv.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
      dv.error_title = const_cast<char*>("Not in this plan's list");
      dv.error_message = const_cast<char*>("This value is not one the plan uses. Keep it anyway?");
      if (!v.title.empty()) dv.input_title = const_cast<char*>(v.title.c_str());
      if (!v.prompt.empty()) dv.input_message = const_cast<char*>(v.prompt.c_str());
      check(worksheet_data_validation_range(ws_, row_of(range->first_row), col_of(range->first_col),
                                            row_of(range->last_row), col_of(range->last_col), &dv),
            fmt::format("adding the dropdown on {}!{}", part_name_, cell_ref(range->first_row, range->first_col)));
    }
  }

  void write_conditionals() {
    for (const ConditionalRule& rule : sheet_->conditionals) {
      const std::optional<Range> range = sheet_->split.on_part(rule.range, part_);
      if (!range) continue;
      lxw_conditional_format cf{};
      cf.type = LXW_CONDITIONAL_TYPE_FORMULA;
      cf.value_string = const_cast<char*>(rule.formula.c_str());
      cf.format = format(rule.style);
      check(worksheet_conditional_format_range(ws_, row_of(range->first_row), col_of(range->first_col),
                                               row_of(range->last_row), col_of(range->last_col), &cf),
            fmt::format("adding the colour rule on {}!{}", part_name_, cell_ref(range->first_row, range->first_col)));
    }
  }

  // The part's Excel Table, with the header cells' own looks. Constant-memory mode cannot hold one (libxlsxwriter
  // writes a table's header when the table is added, after its rows are gone); the autofilter stands in there.
  bool write_table() {
    const Sheet& sheet = *sheet_;
    if (!sheet.table || model_.constant_memory) return false;
    const TableSpec& t = *sheet.table;
    const std::optional<Range> range = sheet.split.on_part(t.range, part_);
    if (!range || range->last_row <= range->first_row) return false;
    std::vector<lxw_table_column> columns(t.headers.size());
    std::vector<lxw_table_column*> column_ptrs;
    for (std::size_t i = 0; i < t.headers.size(); ++i) {
      columns[i].header = const_cast<char*>(t.headers[i].c_str());
      columns[i].header_format = format(i < t.header_styles.size() ? t.header_styles[i] : Style::header);
      column_ptrs.push_back(&columns[i]);
    }
    column_ptrs.push_back(nullptr);
    const std::string name = part_ == 0 ? t.name : fmt::format("{}{}", t.name, part_ + 1);
    lxw_table_options options{};
    options.name = const_cast<char*>(name.c_str());
    options.style_type = LXW_TABLE_STYLE_TYPE_LIGHT;
    options.style_type_number = 1;
    options.columns = column_ptrs.data();
    check(worksheet_add_table(ws_, row_of(range->first_row), col_of(range->first_col), row_of(range->last_row),
                              col_of(range->last_col), &options),
          fmt::format("adding the table on {}", part_name_));
    return true;
  }

  void write_view_and_print() {
    const Sheet& sheet = *sheet_;
    lxw_worksheet* ws = ws_;
    if (sheet.freeze) worksheet_freeze_panes(ws, row_of(sheet.freeze->first), col_of(sheet.freeze->second));
    if (sheet.autofilter && !table_written_)
      if (const std::optional<Range> range = sheet.split.on_part(*sheet.autofilter, part_))
        check(worksheet_autofilter(ws, row_of(range->first_row), col_of(range->first_col), row_of(range->last_row),
                                   col_of(range->last_col)),
              fmt::format("adding the filter on {}", part_name_));
    if (sheet.tab_colour) worksheet_set_tab_color(ws, *sheet.tab_colour);
    const PrintSetup& p = sheet.print;
    if (p.landscape) worksheet_set_landscape(ws);
    else worksheet_set_portrait(ws);
    worksheet_set_paper(ws, p.a3 ? 8 : 9);
    if (p.fit_to_width) worksheet_fit_to_pages(ws, 1, 0);
    else if (p.scale > 0) worksheet_set_print_scale(ws, static_cast<uint16_t>(p.scale));
    if (p.repeat_cols && !p.fit_to_width)
      check(worksheet_repeat_columns(ws, col_of(p.repeat_cols->first), col_of(p.repeat_cols->second)),
            fmt::format("repeating the first columns of {}", part_name_));
    worksheet_set_margins(ws, 0.4, 0.4, 0.6, 0.7);
    if (p.repeat_rows)
      check(worksheet_repeat_rows(ws, row_of(p.repeat_rows->first), row_of(p.repeat_rows->second)),
            fmt::format("repeating the header rows of {}", part_name_));
    if (!p.footer.empty()) check(worksheet_set_footer(ws, p.footer.c_str()), fmt::format("setting the footer of {}", part_name_));
    if (sheet.hidden) worksheet_hide(ws);
    if (sheet.active && part_ == 0) worksheet_activate(ws);
  }

  const WorkbookModel& model_;
  std::string target_;
  WorkbookHandle handle_;
  std::array<lxw_format*, style_count> formats_{};
  // The model sheet being written, and the part of it (a workbook sheet) the rows go to now.
  const Sheet* sheet_ = nullptr;
  std::vector<const Merge*> merges_by_row_;  // constant-memory mode: the sheet's merges by first row
  int part_ = 0;
  std::string part_name_;
  lxw_worksheet* ws_ = nullptr;
  std::vector<Merge> band_merges_;  // the current part's streamed bands, merged after its rows
  bool table_written_ = false;      // the current part has its Excel Table (and the table's own filter)
};

// A name beside the target no other writer is using: the process id and a counter, created exclusively.
std::string reserve_temp_path(const fs::path& target) {
  static std::atomic<unsigned> counter{0};
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  for (int attempt = 0; attempt < 100; ++attempt) {
    const fs::path candidate =
        dir / fmt::format(".{}.{}-{}.tmp", target.filename().string(), ::getpid(), counter.fetch_add(1));
    const int fd = ::open(candidate.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0) {
      ::close(fd);
      return candidate.string();
    }
    if (errno != EEXIST)
      throw output_error(fmt::format("cannot write workbook '{}': cannot create a file in '{}' ({}); check that the "
                                     "folder exists and is writable",
                                     target.string(), dir.string(), std::strerror(errno)));
  }
  throw output_error(fmt::format("cannot write workbook '{}': no free temporary name in '{}'; remove stale .tmp files "
                                 "there",
                                 target.string(), dir.string()));
}

}  // namespace

std::time_t workbook_created_time() {
  if (const char* env = std::getenv("SOURCE_DATE_EPOCH")) {
    char* end = nullptr;
    errno = 0;
    const long long v = std::strtoll(env, &end, 10);
    // libxlsxwriter takes 0 for "now": the epoch itself is stamped one second later, still the same every time.
    if (errno == 0 && end != env && *end == '\0' && v >= 0) return static_cast<std::time_t>(std::max(v, 1LL));
  }
  return std::time(nullptr);
}

void write_model(const WorkbookModel& model, const std::string& path) {
  const fs::path target(path);
  std::error_code ec;
  if (fs::is_directory(target, ec))
    throw output_error(fmt::format("cannot write workbook '{}': it is a folder; give a file name ending in .xlsx", path));
  TempFile temp{reserve_temp_path(target)};
  Writer(model, path).write(temp.path);
  if (std::rename(temp.path.c_str(), path.c_str()) != 0)
    throw output_error(fmt::format("cannot write workbook '{}': renaming the finished file into place failed ({}); "
                                   "check that the file is not open in another program",
                                   path, std::strerror(errno)));
  temp.keep = true;
}

void write_workbook(const Plan& plan, const std::string& path, Paper paper) {
  write_model(layout_workbook(plan, Body::stream, max_rows, paper), path);
}

}  // namespace plansheet::xlsx
