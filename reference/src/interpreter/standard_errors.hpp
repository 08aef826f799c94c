#pragma once
// The 3GPP 27.007 error codes that the standard commands answer with (+CME ERROR: <n>).

namespace atsharp::reference::cme27007 {

inline constexpr int kSimNotInserted = 10;
inline constexpr int kIncorrectPassword = 16;
inline constexpr int kNoNetworkService = 30;
inline constexpr int kGprsNotAllowed = 107;

}  // namespace atsharp::reference::cme27007
