// Streaming (SAX) parsing of one XML part with expat, refusing DTDs and entity declarations.
// Takes a handler of start/end/text events; throws Error(exit_input) naming the part and line on bad XML.
#pragma once

#include <string>
#include <string_view>

namespace plansheet::detail {

class ZipPackage;

// Expat hands attributes as a null-terminated array of name, value pairs.
using XmlAttrs = const char**;

// The value of the attribute whose local name (prefix stripped) is `name`, or "" when absent.
std::string_view xml_attr(XmlAttrs attrs, std::string_view name);
// True when the attribute is present.
bool xml_has_attr(XmlAttrs attrs, std::string_view name);
// OOXML booleans: "1", "true" (and an absent attribute means `absent`).
bool xml_bool_attr(XmlAttrs attrs, std::string_view name, bool absent);

class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  // `name` is the local name (namespace prefix stripped: "x:c" -> "c").
  virtual void start(std::string_view name, XmlAttrs attrs) = 0;
  virtual void end(std::string_view name) = 0;
  // Character data, possibly in several pieces per text node.
  virtual void text(std::string_view chars) = 0;
};

// Parse a part of the package in chunks (never the whole sheet in memory). `source` names the file in errors.
void parse_xml_part(ZipPackage& package, const std::string& part, XmlHandler& handler);

// Parse XML held in memory (the same checks); for small parts and tests.
void parse_xml_text(const std::string& source, const std::string& part, std::string_view xml, XmlHandler& handler);

}  // namespace plansheet::detail
