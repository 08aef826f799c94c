# Fails when a doctest case name cannot be selected on its own: CTest runs each case as
# "<exe> --test-case=<name>", where doctest reads ',' as a list separator and '*', '?' as
# wildcards, and CMake reads ';' as a list separator. Such a case would run nothing and pass.
# Usage: cmake -DEXE=<test executable> -P check_doctest_names.cmake
execute_process(COMMAND ${EXE} --list-test-cases --no-intro=true --no-version=true
                OUTPUT_VARIABLE listing RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "${EXE} --list-test-cases failed (${status})")
endif()
string(REPLACE ";" "<semicolon>" listing "${listing}")
string(REPLACE "\n" ";" lines "${listing}")
set(bad "")
foreach(line IN LISTS lines)
  if(line MATCHES "[,*?\\]|<semicolon>")
    string(APPEND bad "\n  ${line}")
  endif()
endforeach()
if(bad)
  message(FATAL_ERROR "test case names that CTest cannot select (remove , ; * ? \\):${bad}")
endif()
