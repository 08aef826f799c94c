#pragma once
/// @file
/// Module::set and Module::get (placeholder: being written).
