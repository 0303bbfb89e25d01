# Places a release zip in a filesystem mirror, in its "packed" layout
# <hostname>/<namespace>/<type>/<zip>, under both registry hosts: OpenTofu reads the short source
# "yc-apikeys/yandex" as registry.opentofu.org, Terraform as registry.terraform.io.
#
#   include(ProviderMirror) and provider_mirror_install(<zip> <mirror folder>), or
#   cmake -DARCHIVE=<zip> -DMIRROR_DIR=<folder> -P cmake/ProviderMirror.cmake
function(provider_mirror_install archive mirror)
    get_filename_component(name ${archive} NAME)
    foreach(host registry.terraform.io registry.opentofu.org)
        file(MAKE_DIRECTORY ${mirror}/${host}/yc-apikeys/yandex)
        file(COPY_FILE ${archive} ${mirror}/${host}/yc-apikeys/yandex/${name})
    endforeach()
    message(STATUS "installed ${name} into the filesystem mirror ${mirror}")
endfunction()

if(CMAKE_SCRIPT_MODE_FILE STREQUAL CMAKE_CURRENT_LIST_FILE)
    if(NOT DEFINED ARCHIVE OR NOT DEFINED MIRROR_DIR)
        message(FATAL_ERROR "ProviderMirror.cmake needs -DARCHIVE=<zip> -DMIRROR_DIR=<folder>")
    endif()
    file(REAL_PATH ${ARCHIVE} ARCHIVE)
    file(REAL_PATH ${MIRROR_DIR} MIRROR_DIR)
    provider_mirror_install(${ARCHIVE} ${MIRROR_DIR})
endif()
