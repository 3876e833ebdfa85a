# package.cmake: the Debian package, built by CPack from the install rules of install.cmake
# (`scripts/package`, or `cpack --config BUILD/CPackConfig.cmake`). One package, xueji: the
# default component (everything `cmake --install` writes under /usr) and the conffile
# /etc/xueji/xueji.env. The maintainer scripts are packaging/deb/.

# Versions grow with every commit on main, so a newer build upgrades an older one.
set(XUEJI_BASE_VERSION 0.1.0)
set(XUEJI_PACKAGE_VERSION "" CACHE STRING "Debian version of the package (default: from git)")
if(XUEJI_PACKAGE_VERSION STREQUAL "")
  execute_process(COMMAND git -C ${CMAKE_SOURCE_DIR} rev-list --count HEAD
                  OUTPUT_VARIABLE xueji_commits OUTPUT_STRIP_TRAILING_WHITESPACE
                  RESULT_VARIABLE xueji_git_status ERROR_QUIET)
  execute_process(COMMAND git -C ${CMAKE_SOURCE_DIR} rev-parse --short=10 HEAD
                  OUTPUT_VARIABLE xueji_commit OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
  if(xueji_git_status EQUAL 0 AND xueji_commits MATCHES "^[0-9]+$")
    set(xueji_version ${XUEJI_BASE_VERSION}+git${xueji_commits}.${xueji_commit})
  else()
    set(xueji_version ${XUEJI_BASE_VERSION})
  endif()
else()
  set(xueji_version ${XUEJI_PACKAGE_VERSION})
endif()
set(XUEJI_PACKAGE_MAINTAINER "xueji maintainers <xueji@example.edu.tw>"
    CACHE STRING "Maintainer field of the Debian package")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME xueji)
set(CPACK_PACKAGE_VERSION ${xueji_version})
set(CPACK_PACKAGE_CONTACT ${XUEJI_PACKAGE_MAINTAINER})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_DIRECTORY ${CMAKE_BINARY_DIR}/package)
set(CPACK_STRIP_FILES ON)
# CPack must not build the `all` target (every test program) first: scripts/package builds
# what the package holds.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "account front door of the school registry system 2.0")

# Everything in one package: the default component and the conffile.
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_GROUPING ALL_COMPONENTS_IN_ONE)
set(CPACK_COMPONENTS_ALL Unspecified conffiles)
set(CPACK_DEBIAN_PACKAGE_NAME xueji)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_VERSION ${xueji_version})
set(CPACK_DEBIAN_PACKAGE_RELEASE "")
set(CPACK_DEBIAN_PACKAGE_SECTION web)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER ${XUEJI_PACKAGE_MAINTAINER})
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://xueji.example.edu.tw/")
# The synopsis is CPACK_PACKAGE_DESCRIPTION_SUMMARY; CPack indents these lines and writes " ."
# for the empty one.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "xueji is where the staff of Taiwan's elementary and junior high schools apply
for their account of the school registry system 2.0, log in with a captcha, a
password and a TOTP second factor, and keep the account healthy. It is also
the single sign-on (OpenID Connect and nginx forward-auth) of the system.

This package holds the FastCGI workers, the mailer and the administration
CLI xueji-ctl, the templates and static files, the systemd units and the
nginx site. All state lives in MariaDB.")
# The libraries from the binaries (dpkg-shlibdeps), and what they run beside: nginx serves the
# site, MariaDB's client library reaches the database (also through Connector/C++), the
# captcha draws in these typefaces and speaks through espeak-ng and sox, systemd runs the units
# and `xueji-ctl`. The database server may live on another host: only recommended.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libmariadb3, nginx, systemd, fonts-dejavu-core, fonts-liberation, fonts-freefont-ttf, espeak-ng, sox")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "mariadb-server, mariadb-client")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${CMAKE_SOURCE_DIR}/packaging/deb/conffiles ${CMAKE_SOURCE_DIR}/packaging/deb/postinst
    ${CMAKE_SOURCE_DIR}/packaging/deb/prerm ${CMAKE_SOURCE_DIR}/packaging/deb/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)

include(CPack)
