# man: lede.1 here; lede.conf.5 is registered by src/config/local.mk.
dist_man_MANS += man/lede.1
