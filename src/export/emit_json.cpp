// Stage: the JSON export (CONTRACT.md). Only the roles a table has appear on its actions, in role order.
// The text is written straight into a string in the layout nlohmann::json::dump(2) gives: a plan of 100,000
// actions never becomes a document tree (which took 1.3 s and 480 MiB on the messy 100k bench paste).
#include "export/emit_json.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text/unicode_text.hpp"

namespace plansheet {
namespace {

// Pretty-printed JSON, two spaces a level, keys in the order they are written.
class JsonText {
 public:
  // The text, with the final newline of the file.
  std::string finish() {
    out_ += '\n';
    return std::move(out_);
  }

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }

  void key(std::string_view name) {
    next_item();
    quoted(name);
    out_ += ": ";
    after_key_ = true;
  }
  void value(std::string_view text) {
    next_item();
    quoted(text);
  }
  void value(const char* text) { value(std::string_view(text)); }
  void value(int number) {
    next_item();
    out_ += std::to_string(number);
  }
  void value(bool flag) {
    next_item();
    out_ += flag ? "true" : "false";
  }
  void null() {
    next_item();
    out_ += "null";
  }
  template <typename T>
  void field(std::string_view name, const T& v) {
    key(name);
    value(v);
  }
  void string_or_null(std::string_view name, std::string_view text) {
    key(name);
    if (text.empty()) null();
    else value(text);
  }

 private:
  // Before a key, or a value that is not a key's: the comma and the line break of its container.
  void next_item() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (items_.empty()) return;
    if (items_.back()++ > 0) out_ += ',';
    out_ += '\n';
    out_.append(2 * items_.size(), ' ');
  }
  void open(char bracket) {
    next_item();
    out_ += bracket;
    items_.push_back(0);
  }
  void close(char bracket) {
    const bool had_items = items_.back() > 0;
    items_.pop_back();
    if (had_items) {
      out_ += '\n';
      out_.append(2 * items_.size(), ' ');
    }
    out_ += bracket;
  }
  // A JSON string as nlohmann writes it without ensure_ascii: UTF-8 as is, control characters escaped.
  void quoted(std::string_view text) {
    // The loaders repair invalid UTF-8, so this never fires on a real plan; it keeps the export valid regardless.
    const bool ascii = std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    std::optional<std::string> repaired = ascii ? std::nullopt : text::repair_invalid_utf8(text);
    if (repaired) text = *repaired;
    out_ += '"';
    for (char c : text) {
      switch (c) {
        case '"': out_ += "\\\""; break;
        case '\\': out_ += "\\\\"; break;
        case '\b': out_ += "\\b"; break;
        case '\f': out_ += "\\f"; break;
        case '\n': out_ += "\\n"; break;
        case '\r': out_ += "\\r"; break;
        case '\t': out_ += "\\t"; break;
        default:
          if (static_cast<unsigned char>(c) < 0x20) {
            static constexpr char hex[] = "0123456789abcdef";
            out_ += "\\u00";
            out_ += hex[(c >> 4) & 0xF];
            out_ += hex[c & 0xF];
          } else {
            out_ += c;
          }
      }
    }
    out_ += '"';
  }

  std::string out_;
  std::vector<int> items_;  // items so far in each open container, outermost first
  bool after_key_ = false;
};

void write_strings(JsonText& json, std::string_view name, const std::vector<std::string>& texts) {
  json.key(name);
  json.begin_array();
  for (const std::string& text : texts) json.value(text);
  json.end_array();
}

// A line's page of a PDF or table of a Word document, beside the line, when the input has them and one holds it.
void write_part(JsonText& json, const Plan& plan, int line) {
  if (plan.parts.kind.empty()) return;
  if (const int part = plan.parts.of_line(line); part > 0) json.field(plan.parts.kind, part);
}

// A repair or a warning starts with its source line (and its page or table) and its action (null when it concerns
// no one action).
void begin_log_entry(JsonText& json, const Plan& plan, int line, std::string_view action_id) {
  json.begin_object();
  json.field("line", line);
  write_part(json, plan, line);
  json.string_or_null("action", action_id);
}

void write_action(JsonText& json, const Plan& plan, const Action& a, bool has_section) {
  json.begin_object();
  json.field("id", a.id);
  for (Role role : all_roles) {
    if (role == Role::id) continue;
    if (role == Role::section) {
      if (has_section) json.field("section", a.section);
      continue;
    }
    if (role == Role::target) {
      if (!plan.has_role(Role::target)) continue;
      json.key("targets");
      json.begin_array();
      for (bool ticked : a.targets) json.value(ticked);
      json.end_array();
      continue;
    }
    if (role == Role::rag) {
      if (plan.has_role(Role::rag) && !a.rag.empty()) json.field("rag", a.rag);
      continue;
    }
    if (!is_text_role(role) || !plan.has_role(role)) continue;
    json.field(role_name(role), *a.text_of(role));
  }
  if (!plan.periods.empty()) write_strings(json, "periods", a.periods);
  if (!a.extra.empty()) {
    json.key("extra");
    json.begin_object();
    for (const auto& [label, text] : a.extra) json.field(label, text);
    json.end_object();
  }
  json.field("line", a.line);
  write_part(json, plan, a.line);
  json.end_object();
}

}  // namespace

std::string emit_json(const Plan& plan) {
  JsonText json;
  json.begin_object();
  json.field("source", plan.source);
  json.key("title");
  if (plan.title) json.value(*plan.title);
  else json.null();
  if (!plan.sheet.empty()) json.field("sheet", plan.sheet);
  // A PDF's pages or a Word document's tables, each with the lines it gave.
  if (!plan.parts.kind.empty()) {
    json.key("source_map");
    json.begin_array();
    for (const SourcePart& part : plan.parts.parts) {
      json.begin_object();
      json.field(plan.parts.kind, part.number);
      json.field("first_line", part.first_line);
      json.field("last_line", part.last_line);
      json.end_object();
    }
    json.end_array();
  }

  json.key("columns");
  json.begin_array();
  for (const Column& c : plan.columns) {
    json.begin_object();
    json.field("role", role_name(c.role));
    json.field("label", c.label);
    json.end_object();
  }
  json.end_array();
  write_strings(json, "periods", plan.periods);

  const bool has_section = plan.has_role(Role::section) ||
                           std::any_of(plan.actions.begin(), plan.actions.end(), [](const Action& a) { return !a.section.empty(); });
  json.key("actions");
  json.begin_array();
  for (const Action& a : plan.actions) write_action(json, plan, a, has_section);
  json.end_array();

  json.key("legend");
  json.begin_array();
  for (const LegendEntry& e : plan.legend) {
    json.begin_object();
    json.field("kind", legend_kind_name(e.kind));
    json.field("text", e.text);
    if (!e.colour.empty()) json.field("colour", e.colour);
    json.end_object();
  }
  json.end_array();

  json.key("repairs");
  json.begin_array();
  for (const Repair& r : plan.repairs) {
    begin_log_entry(json, plan, r.pos.line, r.action_id);
    if (r.last_line > r.pos.line) json.field("last_line", r.last_line);
    json.field("role", r.role);
    json.field("rule", rule_name(r.rule));
    json.field("before", r.before);
    json.field("after", r.after);
    if (const std::string cell = r.cell_ref(plan.sheet); !cell.empty()) json.field("cell", cell);
    json.end_object();
  }
  json.end_array();

  json.key("warnings");
  json.begin_array();
  for (const Diagnostic& d : plan.warnings) {
    begin_log_entry(json, plan, d.pos.line, d.action_id);
    json.field("message", d.message);
    if (const std::string cell = d.cell_ref(plan.sheet); !cell.empty()) json.field("cell", cell);
    if (d.note) json.field("note", true);
    json.end_object();
  }
  json.end_array();

  json.key("removed");
  json.begin_array();
  for (const Removal& r : plan.removed) {
    json.begin_object();
    json.field("line", r.line);
    write_part(json, plan, r.line);
    json.field("reason", removal_reason_text(r));
    json.field("text", r.text);
    json.end_object();
  }
  json.end_array();
  json.end_object();
  return json.finish();
}


}  // namespace plansheet
