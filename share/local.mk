# share: data files installed under $(pkgdatadir) (/usr/local/share/lede).
# Included from the top Makefile.am, so paths are relative to the top.

# The demo archive's source articles (see share/demo/README.md), installed as
# $(pkgdatadir)/demo/<subfolder>/... for `lede --demo`. Every file is listed
# by name: a file missing here is missing from the tarball and the install.

demodir = $(pkgdatadir)/demo
dist_demo_DATA = \
	share/demo/README.md

demotextdir = $(pkgdatadir)/demo/text
dist_demotext_DATA = \
	share/demo/text/ajloun-snow-roads.txt \
	share/demo/text/amman-water-rationing.txt \
	share/demo/text/basra-date-palms-salinity.txt \
	share/demo/text/beirut-port-exhibition-closes.txt \
	share/demo/text/damascus-electricity-hours.txt \
	share/demo/text/erbil-half-marathon.txt \
	share/demo/text/hama-norias-restoration.txt \
	share/demo/text/homs-market-budget.txt \
	share/demo/text/istanbul-ferries-timetable.txt \
	share/demo/text/kyoto-lantern-makers.txt \
	share/demo/text/mosul-old-bridge-closes.txt \
	share/demo/text/nairobi-matatu-cashless.txt

demofeedsdir = $(pkgdatadir)/demo/feeds
dist_demofeeds_DATA = \
	share/demo/feeds/sample-arabic.xml \
	share/demo/feeds/sample-desk.atom \
	share/demo/feeds/sample-regional.atom \
	share/demo/feeds/sample-wire.xml

demohtmldir = $(pkgdatadir)/demo/html
dist_demohtml_DATA = \
	share/demo/html/aleppo-souq-roofs-dispute.html \
	share/demo/html/basra-heatwave-power-cuts.html \
	share/demo/html/cairo-metro-night-trial.html \
	share/demo/html/marrakech-olive-sorting-robot.html \
	share/demo/html/mosul-bridge-reopening-delayed.html \
	share/demo/html/mutanabbi-night-book-market.html

demojsonldir = $(pkgdatadir)/demo/jsonl
dist_demojsonl_DATA = \
	share/demo/jsonl/sample-export-2024.jsonl \
	share/demo/jsonl/sample-export-2025.jsonl

demonewsboatdir = $(pkgdatadir)/demo/newsboat
dist_demonewsboat_DATA = \
	share/demo/newsboat/cache.db \
	share/demo/newsboat/make-cache.py
