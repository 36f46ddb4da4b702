# dyad_add_library(NAME SOURCES ... DEPS ...): one pipeline stage.
function(dyad_add_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_library(${name} STATIC ${ARG_SOURCES})
  target_include_directories(${name}
    PUBLIC ${PROJECT_SOURCE_DIR}/include ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(${name} PUBLIC ${ARG_DEPS})
endfunction()

# dyad_add_test(NAME SOURCES ... DEPS ...): a GoogleTest binary beside its code.
function(dyad_add_test name)
  if(NOT DYAD_BUILD_TESTS)
    return()
  endif()
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} GTest::gtest_main)
  target_compile_definitions(${name} PRIVATE
    DYAD_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/data"
    DYAD_TEST_GENERATED_DATA_DIR="${PROJECT_BINARY_DIR}/data"
    DYAD_TEST_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60)
endfunction()
