# src/config: the action and option tables, key names, the lede.conf
# loader (the one place iniparser is included) and `lede config`.
liblede_a_SOURCES += \
	src/config/config.h src/config/config_int.h \
	src/config/keys.c src/config/keys.h \
	src/config/actions.c \
	src/config/config.c \
	src/config/values.c \
	src/config/load.c \
	src/cli/cmd-config.c

dist_pkgdata_DATA += share/lede.conf
dist_man_MANS += man/lede.conf.5

check_PROGRAMS += tests/unit/test_keys tests/unit/test_config \
	tests/unit/test_config_doc
TESTS += tests/unit/test_keys tests/unit/test_config \
	tests/unit/test_config_doc
tests_unit_test_keys_SOURCES = tests/unit/test_keys.c tests/unit/test.h
tests_unit_test_config_SOURCES = tests/unit/test_config.c tests/unit/test.h
tests_unit_test_config_doc_SOURCES = tests/unit/test_config_doc.c \
	tests/unit/test.h
