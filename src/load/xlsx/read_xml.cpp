// Streaming (SAX) parsing of one XML part with expat, refusing DTDs and entity declarations.
// Takes bytes of a part in chunks and a handler; throws Error(exit_input) naming the part and line on bad XML.
#include "load/xlsx/read_xml.hpp"

#include <expat.h>

#include <exception>
#include <functional>

#include "model/errors.hpp"
#include "load/xlsx/read_zip.hpp"

namespace plansheet::detail {

namespace {

std::string_view local_name(const char* name) {
  std::string_view n(name);
  auto colon = n.rfind(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

// Owns the expat parser for one part. Handler exceptions must not unwind through expat's C frames, so they are
// caught in the trampolines, the parser is stopped, and the exception is rethrown after XML_Parse returns.
class Session {
 public:
  Session(std::string source, std::string part, XmlHandler& handler)
      : source_(std::move(source)), part_(std::move(part)), handler_(handler) {
    parser_ = XML_ParserCreate(nullptr);
    if (parser_ == nullptr) throw input_error(source_ + ": out of memory creating an XML parser for '" + part_ + "'");
    XML_SetUserData(parser_, this);
    XML_SetElementHandler(parser_, &Session::on_start, &Session::on_end);
    XML_SetCharacterDataHandler(parser_, &Session::on_text);
    // A workbook part never needs a DTD; entity declarations are how billion-laughs and external-entity attacks
    // start, so the first sight of either stops the parse.
    XML_SetStartDoctypeDeclHandler(parser_, &Session::on_doctype);
    XML_SetEntityDeclHandler(parser_, &Session::on_entity);
    XML_SetParamEntityParsing(parser_, XML_PARAM_ENTITY_PARSING_NEVER);
  }
  ~Session() { XML_ParserFree(parser_); }
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  void feed(std::string_view chunk, bool last) {
    if (done_) return;
    // Chunks are at most 64 KiB (see ZipPackage::stream); the cast cannot overflow.
    XML_Status status = XML_Parse(parser_, chunk.data(), static_cast<int>(chunk.size()), last ? XML_TRUE : XML_FALSE);
    if (pending_) std::rethrow_exception(pending_);
    if (refused_) {
      throw input_error(source_ + ": part '" + part_ + "' line " + std::to_string(refused_line_) +
                        " declares a DTD or entities, which a workbook never needs; refusing it — re-save the "
                        "workbook from Excel or export CSV");
    }
    if (status == XML_STATUS_ERROR) {
      throw input_error(source_ + ": part '" + part_ + "' is not well-formed XML (line " +
                        std::to_string(XML_GetCurrentLineNumber(parser_)) + ": " +
                        XML_ErrorString(XML_GetErrorCode(parser_)) +
                        "); re-save the workbook from Excel or export CSV");
    }
    if (last) done_ = true;
  }

 private:
  static Session& self(void* data) { return *static_cast<Session*>(data); }

  void guard(const std::function<void()>& f) {
    if (pending_ || refused_) return;
    try {
      f();
    } catch (...) {
      pending_ = std::current_exception();
      XML_StopParser(parser_, XML_FALSE);
    }
  }

  static void XMLCALL on_start(void* data, const XML_Char* name, const XML_Char** attrs) {
    Session& s = self(data);
    s.guard([&] { s.handler_.start(local_name(name), attrs); });
  }
  static void XMLCALL on_end(void* data, const XML_Char* name) {
    Session& s = self(data);
    s.guard([&] { s.handler_.end(local_name(name)); });
  }
  static void XMLCALL on_text(void* data, const XML_Char* chars, int len) {
    Session& s = self(data);
    s.guard([&] { s.handler_.text(std::string_view(chars, static_cast<std::size_t>(len))); });
  }
  void refuse() {
    if (refused_) return;
    refused_ = true;
    refused_line_ = static_cast<long>(XML_GetCurrentLineNumber(parser_));
    XML_StopParser(parser_, XML_FALSE);
  }
  static void XMLCALL on_doctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
    self(data).refuse();
  }
  static void XMLCALL on_entity(void* data, const XML_Char*, int, const XML_Char*, int, const XML_Char*,
                                const XML_Char*, const XML_Char*, const XML_Char*) {
    self(data).refuse();
  }

  std::string source_;
  std::string part_;
  XmlHandler& handler_;
  XML_Parser parser_ = nullptr;
  std::exception_ptr pending_;
  bool refused_ = false;
  long refused_line_ = 0;
  bool done_ = false;
};

}  // namespace

std::string_view xml_attr(XmlAttrs attrs, std::string_view name) {
  if (attrs == nullptr) return {};
  for (int i = 0; attrs[i] != nullptr && attrs[i + 1] != nullptr; i += 2) {
    if (local_name(attrs[i]) == name) return attrs[i + 1];
  }
  return {};
}

bool xml_has_attr(XmlAttrs attrs, std::string_view name) {
  if (attrs == nullptr) return false;
  for (int i = 0; attrs[i] != nullptr && attrs[i + 1] != nullptr; i += 2) {
    if (local_name(attrs[i]) == name) return true;
  }
  return false;
}

bool xml_bool_attr(XmlAttrs attrs, std::string_view name, bool absent) {
  if (!xml_has_attr(attrs, name)) return absent;
  std::string_view v = xml_attr(attrs, name);
  return v == "1" || v == "true";
}

void parse_xml_part(ZipPackage& package, const std::string& part, XmlHandler& handler) {
  Session session(package.source(), part, handler);
  package.stream(part, [&session](std::string_view chunk) { session.feed(chunk, false); });
  session.feed({}, true);
}

void parse_xml_text(const std::string& source, const std::string& part, std::string_view xml, XmlHandler& handler) {
  Session session(source, part, handler);
  constexpr std::size_t chunk = 64 * 1024;
  for (std::size_t at = 0; at < xml.size(); at += chunk) session.feed(xml.substr(at, chunk), false);
  session.feed({}, true);
}

}  // namespace plansheet::detail
