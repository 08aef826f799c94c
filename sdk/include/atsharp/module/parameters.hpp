#pragma once
/// @file
/// The typed parameters (placeholder: being written).
