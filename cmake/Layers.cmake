# The source tree's folders are layers, and the build keeps each to its own.
#
# No target has the repository's root on its include path. A library that owns a folder exposes
# it with expose_source_folder(): its include path gets <build>/include-roots/<folder>/, holding
# nothing but a link named after the folder. A file can therefore include "client/..." only if
# its target links a library of client/, and an include against the layering does not compile.
#
# check_layer_links() then makes sure no target links a library it must not: each folder below
# may link only the folders listed for it (folders without a rule, the acceptance tests and the
# benchmarks at the top, may link anything).

function(expose_source_folder target folder)
    set(root ${PROJECT_BINARY_DIR}/include-roots/${folder})
    set(link ${root}/${folder})
    # A build folder reused for another checkout must not keep reaching into the old one.
    set(points_to "")
    if(IS_SYMLINK ${link})
        file(READ_SYMLINK ${link} points_to)
    endif()
    if(NOT points_to STREQUAL ${PROJECT_SOURCE_DIR}/${folder})
        file(REMOVE ${link})
        get_filename_component(parent ${link} DIRECTORY)
        file(MAKE_DIRECTORY ${parent})
        file(CREATE_LINK ${PROJECT_SOURCE_DIR}/${folder} ${link} SYMBOLIC)
    endif()
    target_include_directories(${target} PUBLIC ${root})
endfunction()

set(LAYER_RULE_test_support test_support)
set(LAYER_RULE_tfplugin tfplugin test_support)
set(LAYER_RULE_client client test_support)
set(LAYER_RULE_resources resources tfplugin client test_support)
set(LAYER_RULE_tools tools)

# The folder (its first path component) a target of this project is defined in; empty for
# targets from outside (Debian's packages) and for any defined outside the source tree or in the
# build folder.
function(layer_of target out)
    set(${out} "" PARENT_SCOPE)
    if(NOT TARGET ${target})
        return()
    endif()
    get_target_property(imported ${target} IMPORTED)
    if(imported)
        return()
    endif()
    get_target_property(source_dir ${target} SOURCE_DIR)
    cmake_path(IS_PREFIX PROJECT_SOURCE_DIR "${source_dir}" NORMALIZE in_source_tree)
    cmake_path(IS_PREFIX PROJECT_BINARY_DIR "${source_dir}" NORMALIZE in_build_tree)
    if(NOT in_source_tree OR in_build_tree)
        return()
    endif()
    file(RELATIVE_PATH relative ${PROJECT_SOURCE_DIR} ${source_dir})
    string(REGEX REPLACE "/.*" "" layer "${relative}")
    set(${out} ${layer} PARENT_SCOPE)
endfunction()

function(targets_below directory out)
    get_property(found DIRECTORY ${directory} PROPERTY BUILDSYSTEM_TARGETS)
    get_property(subdirectories DIRECTORY ${directory} PROPERTY SUBDIRECTORIES)
    foreach(subdirectory IN LISTS subdirectories)
        targets_below(${subdirectory} more)
        list(APPEND found ${more})
    endforeach()
    set(${out} ${found} PARENT_SCOPE)
endfunction()

function(check_layer_links)
    targets_below(${PROJECT_SOURCE_DIR} targets)
    foreach(target IN LISTS targets)
        layer_of(${target} layer)
        if(NOT DEFINED LAYER_RULE_${layer})
            continue()
        endif()
        get_target_property(type ${target} TYPE)
        set(links "")
        if(NOT type STREQUAL "INTERFACE_LIBRARY")
            get_target_property(links ${target} LINK_LIBRARIES)
        endif()
        get_target_property(interface_links ${target} INTERFACE_LINK_LIBRARIES)
        foreach(linked IN LISTS links interface_links)
            layer_of("${linked}" linked_layer)
            if(linked_layer AND NOT linked_layer IN_LIST LAYER_RULE_${layer})
                string(JOIN ", " allowed ${LAYER_RULE_${layer}})
                message(FATAL_ERROR "${target} (in ${layer}/) links ${linked} from ${linked_layer}/, but ${layer}/ may "
                                    "link only ${allowed} (cmake/Layers.cmake)")
            endif()
        endforeach()
    endforeach()
endfunction()

# A CTest test that compiles, with TARGET's include path, a header of its own layer (ALLOWED)
# and headers it must not reach (FORBIDDEN), which must not be found.
function(add_layer_test name)
    cmake_parse_arguments(ARG "" "TARGET;ALLOWED" "FORBIDDEN" ${ARGN})
    # Lists travel joined by "|", which no path here contains.
    string(JOIN "|" forbidden ${ARG_FORBIDDEN})
    add_test(NAME Layers.${name}
        COMMAND ${CMAKE_COMMAND} -DCOMPILER=${CMAKE_CXX_COMPILER}
            "-DINCLUDE_DIRS=$<JOIN:$<TARGET_PROPERTY:${ARG_TARGET},INCLUDE_DIRECTORIES>,|>"
            -DALLOWED=${ARG_ALLOWED} "-DFORBIDDEN=${forbidden}"
            -DWORK_DIR=${PROJECT_BINARY_DIR}/layer-probes/${name}
            -P ${PROJECT_SOURCE_DIR}/cmake/CheckLayerInclude.cmake)
endfunction()
