# SPDX-License-Identifier: MIT
# The Debian package: `make package`, or `cd build && cpack -G DEB`. The files Debian wants
# beside the program (the man page gzipped, a changelog, a machine-readable copyright) and
# the control fields; dpkg-shlibdeps works out the dependencies. tests/packaging/deb.sh
# builds the package and runs lintian on it, which must report no error and no warning.
# Included from CMakeLists.txt after its install rules.

# Whoever builds and distributes the package is its maintainer, and says so when configuring:
#   cmake -S . -B build -DLINKCTL_PACKAGE_MAINTAINER="Name <name@example.com>"
# The default names the project at an address of the reserved example.org domain (RFC 2606).
set(LINKCTL_PACKAGE_MAINTAINER "linkctl maintainers <linkctl@example.org>"
    CACHE STRING "Maintainer field of the Debian package, \"Name <user@host.domain>\"")
# lintian: a name, and an address whose host is a domain name (bogus-mail-host, no-phrase).
if(NOT LINKCTL_PACKAGE_MAINTAINER MATCHES "^[^<>@]*[^<>@ ] <[^<>@ ]+@[^<>@ ]+\\.[^<>@ .]+>$")
  message(FATAL_ERROR "LINKCTL_PACKAGE_MAINTAINER is '${LINKCTL_PACKAGE_MAINTAINER}'; "
                      "give a name and a mail address: -DLINKCTL_PACKAGE_MAINTAINER=\"Name <user@host.domain>\"")
endif()

# Debian compresses manual pages and changelogs with gzip -9, without a name or a time stamp
# (-n) so that two builds make the same bytes.
find_program(LINKCTL_GZIP gzip REQUIRED)
set(LINKCTL_PACKAGING_DIR ${CMAKE_BINARY_DIR}/packaging)
set(LINKCTL_GZIPPED)
foreach(pair "man/linkctl.1;linkctl.1" "man/zh_CN/linkctl.1;zh_CN/linkctl.1" "packaging/debian/changelog;changelog")
  list(GET pair 0 source)
  list(GET pair 1 name)
  add_custom_command(
    OUTPUT ${LINKCTL_PACKAGING_DIR}/${name}.gz
    COMMAND ${CMAKE_COMMAND} -E make_directory ${LINKCTL_PACKAGING_DIR}/zh_CN
    COMMAND ${CMAKE_COMMAND} -E copy ${CMAKE_SOURCE_DIR}/${source} ${LINKCTL_PACKAGING_DIR}/${name}
    COMMAND ${LINKCTL_GZIP} -n -9 -f ${LINKCTL_PACKAGING_DIR}/${name}
    DEPENDS ${CMAKE_SOURCE_DIR}/${source}
    COMMENT "Compressing ${source}"
    VERBATIM)
  list(APPEND LINKCTL_GZIPPED ${LINKCTL_PACKAGING_DIR}/${name}.gz)
endforeach()
add_custom_target(packaging_files ALL DEPENDS ${LINKCTL_GZIPPED})

install(FILES ${LINKCTL_PACKAGING_DIR}/linkctl.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
# The Chinese page (UTF-8), where man(1) finds it under LANG=zh_CN.UTF-8.
install(FILES ${LINKCTL_PACKAGING_DIR}/zh_CN/linkctl.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/zh_CN/man1)
install(FILES ${LINKCTL_PACKAGING_DIR}/changelog.gz ${CMAKE_SOURCE_DIR}/packaging/debian/copyright
        DESTINATION ${CMAKE_INSTALL_DOCDIR})

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME linkctl)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "${LINKCTL_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${LINKCTL_PACKAGE_MAINTAINER}")
# The synopsis (under 80 characters) and, on lines of their own, the extended description:
# CPack puts the synopsis first and indents each line by one space (keep them under 79).
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "cross-department linkage tickets, deadlines and monthly scores")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "linkctl runs a cross-department linkage ticket workflow on one SQLite
file or a PostgreSQL server, with its rules (departments, people,
categories, a working-day calendar, deadlines, monthly scoring) in a TOML
policy file. Staff file problems, leads approve and route them, handlers
answer, senders rate the answer, and a supervising office escalates late
tickets and scores every department each month.")
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# libpq is loaded only for a postgresql:// database (dlopen), and libxlsxwriter only to write a
# workbook (report monthly --format xlsx), so shlibdeps cannot see them.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libpq5, libxlsxwriter4")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
include(CPack)
