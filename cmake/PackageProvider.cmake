# Release files in the layout the Terraform registry protocol expects, from an installed provider:
#   terraform-provider-yandex_<version>_<os>_<arch>.zip   (holding terraform-provider-yandex_v<version>)
#   terraform-provider-yandex_<version>_manifest.json     (protocol_versions: ["6.0"])
#   terraform-provider-yandex_<version>_SHA256SUMS
# and, with MIRROR_DIR, the zip placed in a filesystem mirror for `terraform init`.
#
#   cmake -DSTAGE=<install prefix> -DVERSION=0.1.0 -DOUTPUT_DIR=dist [-DPLATFORM=linux_amd64]
#         [-DLICENSES_DIR=<folder>] [-DMIRROR_DIR=~/.terraform.d/plugins] -P cmake/PackageProvider.cmake
cmake_minimum_required(VERSION 3.25)

foreach(required STAGE VERSION OUTPUT_DIR)
    if(NOT DEFINED ${required})
        message(FATAL_ERROR "PackageProvider.cmake needs -D${required}=...")
    endif()
endforeach()
# Relative paths are relative to where cmake runs, whatever folder a step works in.
foreach(path STAGE OUTPUT_DIR MIRROR_DIR LICENSES_DIR)
    if(DEFINED ${path})
        file(REAL_PATH ${${path}} ${path} BASE_DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR})
    endif()
endforeach()
file(MAKE_DIRECTORY ${OUTPUT_DIR})
if(NOT DEFINED PLATFORM)
    set(PLATFORM linux_amd64)
endif()

set(name terraform-provider-yandex)
set(archive ${name}_${VERSION}_${PLATFORM}.zip)
set(manifest ${name}_${VERSION}_manifest.json)
set(sums ${name}_${VERSION}_SHA256SUMS)

set(work ${OUTPUT_DIR}/.package)
file(REMOVE_RECURSE ${work})
file(MAKE_DIRECTORY ${work})
# Registry archives hold the binary named with its version, as Terraform installs it, and with
# LICENSES_DIR the license texts of what is linked into it. Entries are sorted, with fixed
# permissions and times, so the same inputs always make the same zip.
file(COPY_FILE ${STAGE}/bin/${name} ${work}/${name}_v${VERSION})
file(CHMOD ${work}/${name}_v${VERSION} FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ
     GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
set(entries ${name}_v${VERSION})
if(DEFINED LICENSES_DIR)
    file(GLOB licenses RELATIVE ${LICENSES_DIR} ${LICENSES_DIR}/*)
    list(SORT licenses)
    file(MAKE_DIRECTORY ${work}/licenses)
    foreach(license IN LISTS licenses)
        file(COPY_FILE ${LICENSES_DIR}/${license} ${work}/licenses/${license})
        file(CHMOD ${work}/licenses/${license} FILE_PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
        list(APPEND entries licenses/${license})
    endforeach()
endif()
# Info-ZIP's zip with -X stores no access or change times and no owner (cmake -E tar's zips
# carry the files' access and change times, which differ between builds); every entry gets the
# same modification time, in UTC since zip keeps DOS local times.
file(REMOVE ${OUTPUT_DIR}/${archive})
execute_process(
    COMMAND ${CMAKE_COMMAND} -E env TZ=UTC touch -d "2000-01-01 00:00:00" ${entries}
    WORKING_DIRECTORY ${work}
    COMMAND_ERROR_IS_FATAL ANY)
execute_process(
    COMMAND ${CMAKE_COMMAND} -E env TZ=UTC zip -X -D -q -9 ${OUTPUT_DIR}/${archive} ${entries}
    WORKING_DIRECTORY ${work}
    COMMAND_ERROR_IS_FATAL ANY)
file(REMOVE_RECURSE ${work})
file(COPY_FILE ${STAGE}/share/${name}/terraform-registry-manifest.json ${OUTPUT_DIR}/${manifest})

set(lines "")
foreach(file ${archive} ${manifest})
    file(SHA256 ${OUTPUT_DIR}/${file} hash)
    string(APPEND lines "${hash}  ${file}\n")
endforeach()
file(WRITE ${OUTPUT_DIR}/${sums} "${lines}")
message(STATUS "packaged ${OUTPUT_DIR}/${archive}")

if(DEFINED MIRROR_DIR)
    include(${CMAKE_CURRENT_LIST_DIR}/ProviderMirror.cmake)
    provider_mirror_install(${OUTPUT_DIR}/${archive} ${MIRROR_DIR})
endif()
