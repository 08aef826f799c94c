#pragma once
// The answer of a parameter display taken apart: each line read as one parameter's value (in any
// form the spec shows), then handed out by parameter and socket. Every line must be a value the
// display shows, and every value it shows must be there once: anything else is ProtocolError.

#include <map>
#include <span>
#include <string>
#include <utility>

#include "atsharp/catalogue/value_rules.hpp"
#include "atsharp/module/displays.hpp"

namespace atsharp::detail {

class ShownAnswer {
 public:
  /// Reads @p lines, the answer of @p command ("AT#VPHY"). With @p leadingLine, the first line
  /// may be something else than a parameter (AT#VALL's software name, leadingLine()).
  ShownAnswer(std::span<const std::string> lines, std::string command, bool leadingLine = false);

  /// The value of @p parameter (of socket @p socket for a TCP parameter, else 0).
  const std::string& take(catalogue::Param parameter, int socket);
  /// Throws ProtocolError for a line nobody took: a parameter the display does not show.
  void requireAllTaken() const;
  /// The first line when it was no parameter.
  const std::string& leadingLine() const noexcept { return leading_; }

  /// Throws ProtocolError: "<command>: <problem>", with the answer's lines (masked).
  [[noreturn]] void fail(const std::string& problem) const;

 private:
  struct Shown {
    std::string text;
    bool taken = false;
  };

  std::span<const std::string> lines_;
  std::string command_;
  std::string leading_;
  std::map<std::pair<catalogue::Param, int>, Shown> values_;
};

/// Fills the display structs from a ShownAnswer (a friend of ShownParameters).
struct DisplayReader {
  /// Reads every parameter @p display shows: those of mail combination @p combination for
  /// AT#VMAILi, those of socket @p socket for AT#VTCP=id.
  template <catalogue::Display D>
  static void fill(ShownParameters<D>& display, ShownAnswer& answer, int combination = 1,
                   int socket = 0) {
    [&]<std::size_t... I>(std::index_sequence<I...>) {
      (read(std::get<I>(display.values_), shownParameter(ShownParameters<D>::kShows[I], combination),
            socket, answer),
       ...);
    }(std::make_index_sequence<ShownParameters<D>::kShows.size()>());
  }

  /// Reads one value into @p value.
  template <class Value>
  static void read(Value& value, catalogue::Param parameter, int socket, ShownAnswer& answer) {
    const catalogue::ParameterSpec& spec = catalogue::spec(parameter);
    const bool bySocket = spec.indexing == catalogue::Indexing::SocketId;
    const std::string& text = answer.take(parameter, bySocket ? socket : 0);
    std::optional<Value> read = ValueText<Value>::read(text);
    if (!read) {
      answer.fail(std::string(spec.name) + " shows \"" + masked(spec, text) +
                  "\", which it cannot hold: must be " + catalogue::describeLegalValues(spec));
    }
    value = *std::move(read);
  }

 private:
  static catalogue::Param shownParameter(catalogue::Param listed, int combination);
  static std::string masked(const catalogue::ParameterSpec& spec, const std::string& text);
};

}  // namespace atsharp::detail
