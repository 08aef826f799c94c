#include "suite/suite_loader.hpp"

#include "coverage/parameter_rows.hpp"

#include <algorithm>
#include <functional>

#include "atsharp/error.hpp"
#include "atsharp/reference/scenario.hpp"
#include "coverage/parameter_rows.hpp"
#include "document/yaml_document.hpp"
#include "text/latin1_text.hpp"
#include "steps/builtin_steps.hpp"

namespace atsharp::harness {
namespace {

using Json = nlohmann::json;
namespace fs = std::filesystem;

std::string scalarText(const Json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  if (value.is_number_integer()) return std::to_string(value.get<std::int64_t>());
  if (value.is_number()) return value.dump();
  return "";
}

// A scenario mapping with @p over's keys over @p base's, recursively.
Json merged(const Json& base, const Json& over) {
  if (!base.is_object() || !over.is_object()) return over.is_null() ? base : over;
  Json out = base;
  for (const auto& [key, value] : over.items()) {
    out[key] = out.contains(key) ? merged(out[key], value) : value;
  }
  return out;
}

SpecReference suiteSpec(const Json& value) {
  SpecReference spec;
  spec.document = kSpecDocument;
  if (value.is_string()) {
    spec.section = value.get<std::string>();
    return spec;
  }
  spec.document = value.value("document", std::string(kSpecDocument));
  spec.section = value.value("section", "");
  return spec;
}


std::vector<std::string> strings(const Json& value) {
  std::vector<std::string> out;
  if (value.is_array()) {
    for (const Json& item : value) out.push_back(item.get<std::string>());
  }
  return out;
}

}  // namespace

// The state of one load: the document, where problems go, the files being imported.
struct SuiteLoader::Loading {
  const SuiteLoader& loader;
  std::vector<SuiteError>& problems;
  std::set<fs::path> importing;

  void problem(const SourceLocation& where, const std::string& what) {
    problems.emplace_back(where, what);
  }

  // Loads and checks a document against the schema; nothing when it has problems.
  std::optional<YamlDocument> document(const fs::path& path, const std::string& file) {
    YamlDocument doc;
    try {
      doc = loadYamlDocument(path, file);
    } catch (const DocumentError& bad) {
      problem(bad.where(), bad.problem());
      return std::nullopt;
    }
    const auto violations = loader.schema_.validate(doc.root);
    for (const SchemaViolation& violation : violations) {
      problem(doc.at(violation.pointer),
              (violation.pointer.empty() ? "" : violation.pointer + ": ") + violation.message);
    }
    if (!violations.empty()) return std::nullopt;
    return doc;
  }

  std::vector<StepPtr> steps(const YamlDocument& doc, const std::string& pointer,
                             const StepParseContext& base) {
    std::vector<StepPtr> out;
    const Json* list = &doc.root;
    try {
      list = &doc.root.at(Json::json_pointer(pointer));
    } catch (const Json::exception&) {
      return out;
    }
    for (std::size_t i = 0; i < list->size(); ++i) {
      const std::string at = childPointer(pointer, i);
      StepParseContext context = base;
      context.where = doc.at(at);
      try {
        out.push_back(loader.registry_.parse((*list)[i], context));
      } catch (const SuiteError& bad) {
        problem(bad.where(), bad.problem());
      } catch (const Error& bad) {
        problem(context.where, bad.what());
      } catch (const Json::exception& bad) {
        problem(context.where, bad.what());
      }
    }
    return out;
  }

  // The blocks of a file: those it imports, then its own.
  std::shared_ptr<BlockTable> blocks(const YamlDocument& doc, const fs::path& path,
                                     const std::string& lineEnding,
                                     std::vector<std::shared_ptr<BlockTable>>& keep) {
    auto table = std::make_shared<BlockTable>();
    const fs::path folder = path.parent_path();
    if (doc.root.contains("import")) {
      for (std::size_t i = 0; i < doc.root["import"].size(); ++i) {
        const std::string name = doc.root["import"][i].get<std::string>();
        const SourceLocation where = doc.at(childPointer("/import", i));
        auto imported = library(folder / name, displayPath(folder / name), where, lineEnding, keep);
        if (!imported) continue;
        for (const auto& [blockName, block] : *imported) {
          if (!table->emplace(blockName, block).second && table->at(blockName) != block) {
            problem(where, "block \"" + blockName + "\" comes from two imports");
          }
        }
      }
    }
    if (!doc.root.contains("blocks")) return table;
    const StepParseContext context{folder, table.get(), SourceLocation{}, lineEnding};
    for (const auto& [name, value] : doc.root["blocks"].items()) {
      const std::string pointer = childPointer("/blocks", name);
      auto block = std::make_shared<Block>();
      block->name = name;
      block->source = doc.at(pointer);
      block->steps = steps(doc, pointer, context);
      if (table->count(name)) problem(block->source, "block \"" + name + "\" is also imported");
      (*table)[name] = std::move(block);
    }
    return table;
  }

  std::shared_ptr<BlockTable> library(const fs::path& path, const std::string& file,
                                      const SourceLocation& importedAt,
                                      const std::string& lineEnding,
                                      std::vector<std::shared_ptr<BlockTable>>& keep) {
    std::error_code error;
    const fs::path canonical = fs::weakly_canonical(path, error);
    if (importing.count(canonical)) {
      problem(importedAt, "import " + file + " imports itself (through its imports)");
      return nullptr;
    }
    importing.insert(canonical);
    auto doc = document(path, file);
    std::shared_ptr<BlockTable> table;
    if (doc) {
      table = blocks(*doc, path, lineEnding, keep);
      keep.push_back(table);
      checkCalls(*table);
    }
    importing.erase(canonical);
    return table;
  }

  // Every call names a block that exists, and no block calls itself.
  void checkCalls(const BlockTable& table) {
    for (const auto& [name, block] : table) {
      std::set<std::string> path{name};
      checkCallsIn(block->steps, table, path);
    }
  }

  void checkCallsIn(const std::vector<StepPtr>& list, const BlockTable& table,
                    std::set<std::string>& path) {
    for (const StepPtr& step : list) {
      const auto called = steps::calledBlock(*step);
      if (!called) continue;
      const auto found = table.find(*called);
      if (found == table.end()) {
        problem(step->common().source, "no block \"" + *called + "\" (define it under blocks, or "
                                       "import the file that does)");
        continue;
      }
      if (path.count(*called)) {
        problem(step->common().source, "block \"" + *called + "\" calls itself");
        continue;
      }
      path.insert(*called);
      checkCallsIn(found->second->steps, table, path);
      path.erase(*called);
    }
  }
};

SuiteLoader::SuiteLoader(const StepRegistry& registry, const JsonSchema& schema,
                         const std::set<std::string>* knownRows)
    : registry_(registry), schema_(schema), knownRows_(knownRows) {}

namespace {

Vars varsOf(const Json& value, const YamlDocument& doc, const std::string& pointer,
            std::vector<SuiteError>& problems) {
  Vars vars;
  if (!value.is_object()) return vars;
  for (const auto& [name, item] : value.items()) {
    const auto bytes = latin1FromUtf8(scalarText(item));
    if (!bytes) {
      problems.emplace_back(doc.at(childPointer(pointer, name)),
                            "holds a character above U+00FF");
      continue;
    }
    vars[name] = *bytes;
  }
  return vars;
}

std::vector<LinePattern> patternsOf(const Json& value, const YamlDocument& doc,
                                    const std::string& pointer, std::vector<SuiteError>& problems) {
  try {
    return value.is_null() ? std::vector<LinePattern>{} : parsePatternList(value);
  } catch (const Error& bad) {
    problems.emplace_back(doc.at(pointer), bad.what());
    return {};
  }
}

// The variables steps read and define, following calls into blocks.
void collectVariables(const std::vector<StepPtr>& list, const BlockTable& blocks,
                      std::set<std::string>& reads, std::set<std::string>& defines,
                      std::set<std::string>& visited) {
  for (const StepPtr& step : list) {
    step->addVariables(reads, defines);
    const auto called = steps::calledBlock(*step);
    if (!called || visited.count(*called)) continue;
    const auto found = blocks.find(*called);
    if (found == blocks.end()) continue;
    visited.insert(*called);
    std::set<std::string> blockReads;
    collectVariables(found->second->steps, blocks, blockReads, defines, visited);
    // A block's arguments are defined inside it: they are not the caller's to define.
    reads.insert(blockReads.begin(), blockReads.end());
  }
}

void collectRequirements(const std::vector<StepPtr>& list, const BlockTable& blocks,
                         std::set<std::string>& requirements, std::set<std::string>& visited) {
  for (const StepPtr& step : list) {
    step->addRequirements(requirements);
    const auto called = steps::calledBlock(*step);
    if (!called || visited.count(*called)) continue;
    const auto found = blocks.find(*called);
    if (found == blocks.end()) continue;
    visited.insert(*called);
    collectRequirements(found->second->steps, blocks, requirements, visited);
  }
}

std::set<std::string> blockArguments(const Json& root) {
  // Arguments given by any call (with: {...}) count as defined inside blocks.
  std::set<std::string> names;
  std::function<void(const Json&)> walk = [&](const Json& node) {
    if (node.is_object()) {
      if (node.contains("call") && node["call"].is_object() && node["call"].contains("with")) {
        for (const auto& [name, value] : node["call"]["with"].items()) names.insert(name);
      }
      for (const auto& [key, value] : node.items()) walk(value);
    } else if (node.is_array()) {
      for (const Json& item : node) walk(item);
    }
  };
  walk(root);
  return names;
}

}  // namespace

std::optional<Suite> SuiteLoader::load(const SuiteSource& source,
                                       std::vector<SuiteError>& problems) const {
  Loading loading{*this, problems, {}};
  std::error_code error;
  loading.importing.insert(fs::weakly_canonical(source.path, error));
  const std::size_t before = problems.size();
  auto doc = loading.document(source.path, source.file);
  if (!doc) return std::nullopt;
  const Json& root = doc->root;
  Suite suite;
  suite.name = source.name;
  suite.file = source.file;
  if (root.contains("defaults")) try {
    const Json& defaults = root["defaults"];
    if (defaults.contains("timeout")) suite.defaults.timeout = parseDuration(defaults["timeout"]);
    if (defaults.contains("line_ending")) {
      suite.defaults.lineEnding = latin1FromUtf8(defaults["line_ending"].get<std::string>()).value_or("\r");
    }
    if (defaults.contains("echo")) suite.defaults.echo = defaults["echo"].get<bool>();
    suite.defaults.ignore = patternsOf(defaults.value("ignore", Json()), *doc, "/defaults/ignore", problems);
    suite.defaults.failOn = patternsOf(defaults.value("fail_on", Json()), *doc, "/defaults/fail_on", problems);
  } catch (const Error& bad) {
    problems.emplace_back(doc->at("/defaults"), bad.what());
  }
  suite.blocks = loading.blocks(*doc, source.path, suite.defaults.lineEnding, suite.importedBlocks);
  loading.checkCalls(*suite.blocks);
  if (!root.contains("cases")) return std::nullopt;  // a file of blocks only

  suite.title = root.value("title", "");
  suite.description = root.value("description", "");
  suite.spec = suiteSpec(root["spec"]);
  for (const std::string& capability : strings(root.value("requires", Json()))) {
    suite.requirements.insert(capability);
  }
  suite.tags = strings(root.value("tags", Json()));
  suite.vars = varsOf(root.value("vars", Json()), *doc, "/vars", problems);
  suite.scenario = root.value("scenario", Json());
  const StepParseContext context{source.path.parent_path(), suite.blocks.get(), SourceLocation{},
                                 suite.defaults.lineEnding};
  suite.setup = loading.steps(*doc, "/setup", context);
  suite.teardown = loading.steps(*doc, "/teardown", context);
  std::set<std::string> callPath;
  loading.checkCallsIn(suite.setup, *suite.blocks, callPath);
  loading.checkCallsIn(suite.teardown, *suite.blocks, callPath);
  const std::set<std::string> arguments = blockArguments(root);

  std::set<std::string> ids;
  for (std::size_t i = 0; i < root["cases"].size(); ++i) {
    const std::string pointer = childPointer("/cases", i);
    const Json& node = root["cases"][i];
    CaseSpec spec;
    spec.id = node["id"].get<std::string>();
    spec.source = doc->at(pointer);
    spec.title = node.value("title", "");
    if (!ids.insert(spec.id).second) {
      problems.emplace_back(spec.source, "case id \"" + spec.id + "\" is used twice");
    }
    if (node.contains("spec")) {
      const Json& rows = node["spec"];
      std::vector<std::string> ids;
      if (rows.is_array()) {
        for (const Json& row : rows) ids.push_back(row.get<std::string>());
      } else {
        ids.push_back(rows.get<std::string>());
      }
      for (const std::string& id : ids) spec.spec.push_back(rowSpec(id, suite.spec.document));
    }
    spec.tags = strings(node.value("tags", Json()));
    for (const std::string& capability : strings(node.value("requires", Json()))) {
      spec.requirements.insert(capability);
    }
    spec.requirements.insert(suite.requirements.begin(), suite.requirements.end());
    if (node.contains("params")) {
      for (std::size_t p = 0; p < node["params"].size(); ++p) {
        spec.params.push_back(varsOf(node["params"][p], *doc,
                                     childPointer(childPointer(pointer, "params"), p), problems));
      }
    }
    if (node.contains("xfail")) spec.xfail = node["xfail"].get<std::string>();
    spec.vars = varsOf(node.value("vars", Json()), *doc, pointer + "/vars", problems);
    spec.ignore = patternsOf(node.value("ignore", Json()), *doc, pointer + "/ignore", problems);
    spec.failOn = patternsOf(node.value("fail_on", Json()), *doc, pointer + "/fail_on", problems);
    spec.scenario = merged(suite.scenario, node.value("scenario", Json()));
    spec.steps = loading.steps(*doc, pointer + "/steps", context);
    loading.checkCallsIn(spec.steps, *suite.blocks, callPath);

    // What the steps imply.
    std::set<std::string> visited;
    for (const auto* list : {&suite.setup, &spec.steps, &suite.teardown}) {
      collectRequirements(*list, *suite.blocks, spec.requirements, visited);
    }
    if (!spec.scenario.is_null()) {
      spec.requirements.insert("scenario");
      try {
        reference::parseScenario(spec.scenario.dump());
      } catch (const Error& bad) {
        problems.emplace_back(doc->at(node.contains("scenario") ? pointer + "/scenario"
                                                                : "/scenario"),
                              std::string("the scenario: ") + bad.what());
      }
    }
    for (const std::string& capability : spec.requirements) {
      if (!knownCapabilities().count(capability)) {
        problems.emplace_back(spec.source, "unknown capability \"" + capability + "\"");
      }
    }
    std::set<std::string> reads;
    std::set<std::string> defines = arguments;
    defines.merge(registry_.offeredVariables(spec.requirements));
    visited.clear();
    for (const auto* list : {&suite.setup, &spec.steps, &suite.teardown}) {
      collectVariables(*list, *suite.blocks, reads, defines, visited);
    }
    for (const std::string& name : reads) {
      const bool known = defines.count(name) || suite.vars.count(name) || spec.vars.count(name) ||
                         builtinVariables().count(name) || name.rfind("bench.", 0) == 0 ||
                         std::any_of(spec.params.begin(), spec.params.end(),
                                     [&](const Vars& set) { return set.count(name) > 0; });
      if (!known) {
        problems.emplace_back(spec.source, "the variable \"" + name +
                                               "\" is used but never defined (vars, params, "
                                               "capture, or a built-in)");
      }
    }
    checkRows(suite, spec, doc->at(pointer + "/spec"), problems);
    suite.cases.push_back(std::move(spec));
  }
  if (problems.size() != before) return std::nullopt;
  return suite;
}

// A row id may hold variables ("param/{{name}}/default" in a case run once per parameter):
// each run's id must name a row.
void SuiteLoader::checkRows(const Suite& suite, const CaseSpec& spec, const SourceLocation& where,
                            std::vector<SuiteError>& problems) const {
  if (!knownRows_) return;
  const std::vector<Vars> runs = spec.params.empty() ? std::vector<Vars>{Vars{}} : spec.params;
  for (const Vars& params : runs) {
    std::vector<SpecReference> rows;
    try {
      rows = specOfRun(suite, spec, params);
    } catch (const UnknownVariable& unknown) {
      problems.emplace_back(where, std::string("a row id: ") + unknown.what());
      return;
    }
    for (const SpecReference& row : rows) {
      if (!knownRows_->count(row.row)) {
        problems.emplace_back(where, "no row \"" + row.row +
                                         "\" in the spec's rows (suites/coverage/spec-rows.yaml, "
                                         "or param/NAME/ASPECT of a catalogue parameter)");
      }
    }
  }
}

std::set<std::string> loadSpecRowIds(const fs::path& path) {
  const YamlDocument doc = loadYamlDocument(path, displayPath(path));
  std::set<std::string> ids;
  if (!doc.root.is_array()) {
    throw DocumentError(doc.at(""), "the spec's rows are a list of rows");
  }
  for (const Json& row : doc.root) {
    if (row.is_object() && row.contains("id") && row["id"].is_string()) {
      ids.insert(row["id"].get<std::string>());
    }
  }
  ids.merge(parameterRowIds());
  return ids;
}

std::string displayPath(const fs::path& path) {
  std::error_code error;
  const fs::path absolute = fs::absolute(path, error);
  const fs::path relative = absolute.lexically_relative(fs::current_path(error));
  if (!relative.empty() && *relative.begin() != "..") return relative.generic_string();
  return path.generic_string();
}

std::vector<SuiteSource> findSuiteFiles(const std::vector<fs::path>& roots) {
  std::vector<SuiteSource> out;
  for (const fs::path& root : roots) {
    std::error_code error;
    if (fs::is_regular_file(root, error)) {
      out.push_back({root, displayPath(root), root.stem().generic_string()});
      continue;
    }
    if (!fs::is_directory(root, error)) {
      throw UsageError("no suite file or folder " + root.string());
    }
    std::vector<SuiteSource> found;
    for (auto it = fs::recursive_directory_iterator(root, error);
         it != fs::recursive_directory_iterator(); it.increment(error)) {
      if (error) break;
      const fs::path& path = it->path();
      // Hidden entries, and the spec's rows (data for the coverage report), are not suites.
      const bool rows = it.depth() == 0 && path.filename() == "coverage" && it->is_directory();
      if (path.filename().string().rfind('.', 0) == 0 || rows) {
        if (it->is_directory()) it.disable_recursion_pending();
        continue;
      }
      if (!it->is_regular_file() || path.extension() != ".yaml") continue;
      fs::path name = path.lexically_relative(root);
      name.replace_extension();
      found.push_back({path, displayPath(path), name.generic_string()});
    }
    std::sort(found.begin(), found.end(),
              [](const SuiteSource& a, const SuiteSource& b) { return a.name < b.name; });
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

}  // namespace atsharp::harness
