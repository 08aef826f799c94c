#include "coverage/row_catalogue.hpp"

#include <set>

#include "atsharp/catalogue/parameters.hpp"
#include "coverage/parameter_rows.hpp"
#include "suite/suite_loader.hpp"

namespace atsharp::harness {
namespace {

using Json = nlohmann::json;

std::string stringAt(const Json& row, const char* key, const YamlDocument& document,
                     const std::string& pointer) {
  if (!row.is_object() || !row.contains(key) || !row[key].is_string() ||
      row[key].get<std::string>().empty()) {
    throw DocumentError(document.at(pointer),
                        std::string("a row of the spec's rows needs a string \"") + key + "\"");
  }
  return row[key].get<std::string>();
}

}  // namespace

std::string chapterOf(const std::string& section) { return section.substr(0, section.find('.')); }

RowCatalogue specRowsOf(const YamlDocument& document) {
  if (!document.root.is_array()) {
    throw DocumentError(document.at(""), "the spec's rows are a list of rows");
  }
  RowCatalogue rows;
  std::set<std::string> ids;
  for (std::size_t i = 0; i < document.root.size(); ++i) {
    const Json& node = document.root[i];
    const std::string pointer = childPointer("", i);
    CoverageRow row;
    row.id = stringAt(node, "id", document, pointer);
    row.section = stringAt(node, "section", document, pointer);
    row.chapter = chapterOf(row.section);
    if (!ids.insert(row.id).second) {
      throw DocumentError(document.at(pointer), "the row \"" + row.id + "\" is listed twice");
    }
    // A reason that is missing, null or empty explains nothing: the row stays to be covered.
    const Json reason = node.value("uncoverable", Json());
    if (!reason.is_null() && !reason.is_string()) {
      throw DocumentError(document.at(childPointer(pointer, "uncoverable")),
                          "the reason a row is uncoverable is a text");
    }
    if (reason.is_string() && !reason.get<std::string>().empty()) {
      row.uncoverable = reason.get<std::string>();
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

RowCatalogue parameterRows() {
  RowCatalogue rows;
  for (const catalogue::ParameterSpec& parameter : catalogue::kParameters) {
    for (const std::string_view aspect : kParameterAspects) {
      rows.push_back(CoverageRow{
          "param/" + std::string(parameter.name) + "/" + std::string(aspect),
          std::string(parameter.section), kParameterChapter, std::nullopt});
    }
  }
  return rows;
}

RowCatalogue loadRowCatalogue(const std::filesystem::path& path) {
  RowCatalogue rows = specRowsOf(loadYamlDocument(path, displayPath(path)));
  RowCatalogue parameters = parameterRows();
  rows.insert(rows.end(), std::make_move_iterator(parameters.begin()),
              std::make_move_iterator(parameters.end()));
  return rows;
}

}  // namespace atsharp::harness
