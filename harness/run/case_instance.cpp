#include "run/case_instance.hpp"

#include <fnmatch.h>

#include <charconv>

#include "atsharp/error.hpp"

namespace atsharp::harness {
namespace {

std::string paramText(const Vars& params) {
  std::string out;
  for (const auto& [name, value] : params) out += (out.empty() ? "" : ",") + name + "=" + value;
  return out;
}

// The rows of one run; a loader that was not given the known rows did not check the row ids'
// variables, so one without a value stays as written.
std::vector<SpecReference> rowsOf(const Suite& suite, const CaseSpec& spec, const Vars& params) {
  try {
    return specOfRun(suite, spec, params);
  } catch (const UnknownVariable&) {
    return spec.spec;
  }
}

bool globMatches(const std::string& pattern, const std::string& text) {
  return ::fnmatch(pattern.c_str(), text.c_str(), 0) == 0;
}

}  // namespace

std::vector<std::string> CaseInstance::tags() const {
  std::vector<std::string> out = suite->tags;
  out.insert(out.end(), spec->tags.begin(), spec->tags.end());
  return out;
}

std::vector<CaseInstance> expandCases(const std::vector<Suite>& suites) {
  std::vector<CaseInstance> out;
  for (const Suite& suite : suites) {
    for (const CaseSpec& spec : suite.cases) {
      const std::string base = suite.name + "/" + spec.id;
      if (spec.params.empty()) {
        out.push_back(CaseInstance{&suite, &spec, std::nullopt, {}, base, rowsOf(suite, spec, {})});
        continue;
      }
      for (std::size_t i = 0; i < spec.params.size(); ++i) {
        out.push_back(CaseInstance{&suite, &spec, i, spec.params[i],
                                   base + "[" + paramText(spec.params[i]) + "]",
                                   rowsOf(suite, spec, spec.params[i])});
      }
    }
  }
  return out;
}

CaseFilter parseFilter(const std::string& text) {
  CaseFilter filter;
  std::string rest = text;
  if (!rest.empty() && (rest.front() == '!' || rest.front() == '-')) {
    filter.exclude = true;
    rest.erase(0, 1);
  }
  if (rest.rfind("tag:", 0) == 0) {
    filter.kind = CaseFilter::Kind::Tag;
    rest.erase(0, 4);
  } else if (rest.rfind("id:", 0) == 0) {
    filter.kind = CaseFilter::Kind::Id;
    rest.erase(0, 3);
  }
  if (rest.empty()) throw UsageError("filter \"" + text + "\" names nothing");
  filter.pattern = rest;
  return filter;
}

namespace {

bool matches(const CaseFilter& filter, const CaseInstance& instance) {
  const auto tagMatches = [&] {
    for (const std::string& tag : instance.tags()) {
      if (globMatches(filter.pattern, tag)) return true;
    }
    return false;
  };
  const auto idMatches = [&] {
    return globMatches(filter.pattern, instance.id) ||
           globMatches(filter.pattern, instance.spec->id);
  };
  switch (filter.kind) {
    case CaseFilter::Kind::Tag: return tagMatches();
    case CaseFilter::Kind::Id: return idMatches();
    case CaseFilter::Kind::Either: return tagMatches() || idMatches();
  }
  return false;
}

}  // namespace

bool isSelected(const CaseInstance& instance, const std::vector<CaseFilter>& filters) {
  bool anyInclude = false;
  bool included = false;
  for (const CaseFilter& filter : filters) {
    if (filter.exclude) {
      if (matches(filter, instance)) return false;
      continue;
    }
    anyInclude = true;
    included = included || matches(filter, instance);
  }
  return !anyInclude || included;
}

Shard parseShard(const std::string& text) {
  const std::size_t slash = text.find('/');
  Shard shard;
  const auto number = [&](std::string_view digits, int& out) {
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), out);
    return error == std::errc() && end == digits.data() + digits.size();
  };
  if (slash == std::string::npos ||
      !number(std::string_view(text).substr(0, slash), shard.index) ||
      !number(std::string_view(text).substr(slash + 1), shard.count) || shard.count < 1 ||
      shard.index < 1 || shard.index > shard.count) {
    throw UsageError("shard \"" + text + "\" is not K/N with 1 <= K <= N (1/4 is the first of four)");
  }
  return shard;
}

std::vector<CaseInstance> shardOf(const std::vector<CaseInstance>& cases, const Shard& shard) {
  std::vector<CaseInstance> out;
  for (std::size_t i = 0; i < cases.size(); ++i) {
    if (static_cast<int>(i % static_cast<std::size_t>(shard.count)) == shard.index - 1) {
      out.push_back(cases[i]);
    }
  }
  return out;
}

}  // namespace atsharp::harness
