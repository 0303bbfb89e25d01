# The release build: a provider binary that needs nothing at run time but the Linux kernel.
#
#   -DPROVIDER_STATIC=ON -DSTATIC_DEPS_PREFIX=<prefix scripts/lib/static_deps.sh installed into>
#
# Debian ships static archives of gRPC, protobuf, abseil, OpenSSL, c-ares, re2 and zlib; librnp,
# json-c and libcurl come from the prefix (built from Debian's source packages), spdlog and fmt
# are used header-only. The everyday build is untouched by all of this.
option(PROVIDER_STATIC "Link terraform-provider-yandex fully statically (release build)" OFF)
set(STATIC_DEPS_PREFIX "" CACHE PATH "Prefix holding the static json-c, librnp and libcurl")

# Called before find_package: makes every search prefer static archives and the prefix.
macro(static_release_prepare_search)
    if(PROVIDER_STATIC)
        if(NOT IS_DIRECTORY "${STATIC_DEPS_PREFIX}/lib")
            message(FATAL_ERROR "PROVIDER_STATIC needs -DSTATIC_DEPS_PREFIX=<prefix> (scripts/package builds it)")
        endif()
        set(CMAKE_FIND_LIBRARY_SUFFIXES .a)
        set(OPENSSL_USE_STATIC_LIBS TRUE)
        set(Protobuf_USE_STATIC_LIBS ON)
        list(PREPEND CMAKE_PREFIX_PATH "${STATIC_DEPS_PREFIX}")
        set(ENV{PKG_CONFIG_PATH} "${STATIC_DEPS_PREFIX}/lib/pkgconfig")
    endif()
endmacro()

# Points every imported library that Debian's CMake packages name by its shared object at the
# static archive beside it (libX.so.N -> libX.a). A library without one stays as it is, and
# the release link fails on it if the provider needs it.
function(static_release_use_archives)
    get_directory_property(imported IMPORTED_TARGETS)
    foreach(target IN LISTS imported)
        get_target_property(type ${target} TYPE)
        if(NOT type MATCHES "^(SHARED|UNKNOWN)_LIBRARY$")
            continue()
        endif()
        foreach(config "" _NONE _NOCONFIG _RELEASE _RELWITHDEBINFO _DEBUG _MINSIZEREL)
            get_target_property(location ${target} IMPORTED_LOCATION${config})
            if(location MATCHES "^(.*)\\.so(\\.[0-9.]+)?$")
                if(EXISTS "${CMAKE_MATCH_1}.a")
                    set_target_properties(${target} PROPERTIES IMPORTED_LOCATION${config} "${CMAKE_MATCH_1}.a")
                else()
                    message(STATUS "static release: no static archive for ${target} (${location})")
                endif()
            endif()
        endforeach()
    endforeach()
endfunction()

# Libraries found through pkg-config carry only their shared link line; a static link also needs
# what they link privately (librnp: json-c, libcrypto, bzip2, zlib).
function(static_release_add_private_libraries target prefix)
    set_property(TARGET ${target} APPEND PROPERTY INTERFACE_LINK_LIBRARIES ${${prefix}_STATIC_LDFLAGS})
endfunction()
