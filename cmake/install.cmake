# install.cmake: what `cmake --install` puts where, the Debian layout the units and the nginx site
# name (systemd/README.md):
#
#   lib/xueji/                  every production worker of nginx/routes, xueji-mailer, xueji-ctl
#   bin/xueji-ctl               the CLI with the production configuration (packaging/xueji-ctl),
#                               and its manual page in share/man/man1
#   share/xueji/templates/      html/*.tpl
#   share/xueji/static/         html/static/
#   share/xueji/nginx/          the site, its http part, the forward-auth snippet, and the site
#                               generator with its route list (to render the site for a host name)
#   lib/systemd/system/         the units; xueji.target generated from nginx/routes
#   share/doc/xueji/            the example configuration, the deploy guide, copyright, changelog,
#                               cluster/ (the several-hosts guide and its configuration files)
#
# `DESTDIR=DIR cmake --install build --prefix /usr` gives the tree the .deb holds (CMake 3.25 has
# no --destdir). The units,
# the site and the example configuration name /usr/lib/xueji and /usr/share/xueji; another
# prefix is written into the installed copies. /etc/xueji/xueji.env is only part of the .deb
# (component conffiles, cmake/package.cmake): a plain `cmake --install` never writes to /etc.
# Included from CMakeLists.txt after the targets exist.

set(XUEJI_DEPLOY_DIR ${CMAKE_BINARY_DIR}/deploy)

# The workers: nginx/routes' production lines, as CMakeLists.txt read them (XUEJI_PRODUCTION_WORKERS);
# a new route is installed and packaged with no change here.
set(XUEJI_INSTALLED_PROGRAMS ${XUEJI_PRODUCTION_WORKERS})
list(REMOVE_DUPLICATES XUEJI_INSTALLED_PROGRAMS)
list(APPEND XUEJI_INSTALLED_PROGRAMS xueji-mailer xueji-ctl)
install(TARGETS ${XUEJI_INSTALLED_PROGRAMS} RUNTIME DESTINATION lib/xueji)

# Files generated from nginx/routes at build time, so the package can never disagree with it:
# xueji.target (systemd/render-target), the site and its http part (nginx/render).
file(GLOB XUEJI_ROUTE_TOOLS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/nginx/routes
     ${CMAKE_SOURCE_DIR}/nginx/routes.awk ${CMAKE_SOURCE_DIR}/nginx/render
     ${CMAKE_SOURCE_DIR}/systemd/render-target)
add_custom_command(
  OUTPUT ${XUEJI_DEPLOY_DIR}/xueji.target ${XUEJI_DEPLOY_DIR}/xueji.conf
         ${XUEJI_DEPLOY_DIR}/xueji-http.conf
  COMMAND ${CMAKE_COMMAND} -E make_directory ${XUEJI_DEPLOY_DIR}
  COMMAND ${CMAKE_SOURCE_DIR}/systemd/render-target > ${XUEJI_DEPLOY_DIR}/xueji.target
  COMMAND ${CMAKE_SOURCE_DIR}/nginx/render production > ${XUEJI_DEPLOY_DIR}/xueji.conf
  COMMAND ${CMAKE_SOURCE_DIR}/nginx/render production-http > ${XUEJI_DEPLOY_DIR}/xueji-http.conf
  DEPENDS ${XUEJI_ROUTE_TOOLS}
  COMMENT "Rendering xueji.target and the nginx site from nginx/routes"
  VERBATIM)
# The Debian changelog and the manual page, compressed reproducibly (no name, no time stamp).
add_custom_command(
  OUTPUT ${XUEJI_DEPLOY_DIR}/changelog.gz ${XUEJI_DEPLOY_DIR}/xueji-ctl.1.gz
  COMMAND ${CMAKE_COMMAND} -E make_directory ${XUEJI_DEPLOY_DIR}
  COMMAND gzip -9n < ${CMAKE_SOURCE_DIR}/packaging/changelog > ${XUEJI_DEPLOY_DIR}/changelog.gz
  COMMAND gzip -9n < ${CMAKE_SOURCE_DIR}/packaging/xueji-ctl.1 > ${XUEJI_DEPLOY_DIR}/xueji-ctl.1.gz
  DEPENDS ${CMAKE_SOURCE_DIR}/packaging/changelog ${CMAKE_SOURCE_DIR}/packaging/xueji-ctl.1
  VERBATIM)
add_custom_target(xueji_deploy_files ALL
                  DEPENDS ${XUEJI_DEPLOY_DIR}/xueji.target ${XUEJI_DEPLOY_DIR}/xueji.conf
                          ${XUEJI_DEPLOY_DIR}/xueji-http.conf ${XUEJI_DEPLOY_DIR}/changelog.gz
                          ${XUEJI_DEPLOY_DIR}/xueji-ctl.1.gz)
install(FILES ${XUEJI_DEPLOY_DIR}/xueji-ctl.1.gz DESTINATION share/man/man1)

# What the package holds, built without the tests (scripts/package).
add_custom_target(xueji_package_contents)
add_dependencies(xueji_package_contents ${XUEJI_INSTALLED_PROGRAMS} xueji_deploy_files)

install(FILES ${CMAKE_SOURCE_DIR}/packaging/copyright ${XUEJI_DEPLOY_DIR}/changelog.gz
        DESTINATION share/doc/xueji)
install(FILES ${CMAKE_SOURCE_DIR}/systemd/README.md DESTINATION share/doc/xueji
        RENAME deploy-guide.md)
# Several hosts (issue 20): the cluster guide and the very files scripts/cluster runs with.
install(FILES ${CMAKE_SOURCE_DIR}/deploy/cluster/README.md
              ${CMAKE_SOURCE_DIR}/deploy/cluster/galera.cnf
              ${CMAKE_SOURCE_DIR}/deploy/cluster/galera-node.cnf.example
              ${CMAKE_SOURCE_DIR}/deploy/cluster/mariadb-galera.conf
              ${CMAKE_SOURCE_DIR}/deploy/cluster/haproxy.cfg
        DESTINATION share/doc/xueji/cluster)

file(GLOB XUEJI_TEMPLATES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/html/*.tpl)
install(FILES ${XUEJI_TEMPLATES} DESTINATION share/xueji/templates)
install(DIRECTORY ${CMAKE_SOURCE_DIR}/html/static/ DESTINATION share/xueji/static)

install(FILES ${CMAKE_SOURCE_DIR}/nginx/xueji-auth.conf ${CMAKE_SOURCE_DIR}/nginx/routes
              ${CMAKE_SOURCE_DIR}/nginx/routes.awk
        DESTINATION share/xueji/nginx)
install(PROGRAMS ${CMAKE_SOURCE_DIR}/nginx/render DESTINATION share/xueji/nginx)

# Files that name the installed paths: copied with /usr/lib/xueji and /usr/share/xueji replaced by
# the install-time prefix (unchanged for /usr, the Debian layout). SOURCE|DESTINATION[|program]
set(XUEJI_PREFIXED_FILES
    "${CMAKE_SOURCE_DIR}/packaging/xueji-ctl|bin|program"
    "${CMAKE_SOURCE_DIR}/systemd/xueji@.socket|lib/systemd/system"
    "${CMAKE_SOURCE_DIR}/systemd/xueji@.service|lib/systemd/system"
    "${CMAKE_SOURCE_DIR}/systemd/xueji-mailer.service|lib/systemd/system"
    "${CMAKE_SOURCE_DIR}/systemd/xueji-purge.service|lib/systemd/system"
    "${CMAKE_SOURCE_DIR}/systemd/xueji-purge.timer|lib/systemd/system"
    "${XUEJI_DEPLOY_DIR}/xueji.target|lib/systemd/system"
    "${XUEJI_DEPLOY_DIR}/xueji.conf|share/xueji/nginx"
    "${XUEJI_DEPLOY_DIR}/xueji-http.conf|share/xueji/nginx"
    "${CMAKE_SOURCE_DIR}/systemd/xueji.env.example|share/doc/xueji")
install(CODE "
  foreach(entry ${XUEJI_PREFIXED_FILES})
    string(REPLACE \"|\" \";\" entry \"\${entry}\")
    list(GET entry 0 source)
    list(GET entry 1 destination)
    set(permissions OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
    if(entry MATCHES \";program\$\")
      list(APPEND permissions OWNER_EXECUTE GROUP_EXECUTE WORLD_EXECUTE)
    endif()
    get_filename_component(name \"\${source}\" NAME)
    file(READ \"\${source}\" text)
    string(REPLACE \"/usr/lib/xueji/\" \"\${CMAKE_INSTALL_PREFIX}/lib/xueji/\" text \"\${text}\")
    string(REPLACE \"/usr/share/xueji/\" \"\${CMAKE_INSTALL_PREFIX}/share/xueji/\" text \"\${text}\")
    set(staged \"${CMAKE_BINARY_DIR}/deploy/staged/\${destination}/\${name}\")
    file(WRITE \"\${staged}\" \"\${text}\")
    file(INSTALL \"\${staged}\" DESTINATION \"\${CMAKE_INSTALL_PREFIX}/\${destination}\"
         FILE_PERMISSIONS \${permissions})
  endforeach()")

# The configuration the .deb installs as a conffile (dpkg keeps the administrator's copy on every
# upgrade), mode 0600: never written by a plain `cmake --install`.
install(FILES ${CMAKE_SOURCE_DIR}/systemd/xueji.env.example
        DESTINATION /etc/xueji RENAME xueji.env
        PERMISSIONS OWNER_READ OWNER_WRITE
        COMPONENT conffiles EXCLUDE_FROM_ALL)
