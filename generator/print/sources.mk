# generator/print: the paginator (included by the top-level Makefile)
PRINT_SRCS = generator/print/style.c generator/print/inline.c \
             generator/print/build.c generator/print/measure.c \
             generator/print/table.c generator/print/image.c \
             generator/print/paginate.c generator/print/toc.c \
             generator/print/draw.c generator/print/render.c \
             generator/print/locale.c generator/print/hyphen.c generator/print/justify.c \
             generator/print/tags.c generator/print/artifact.c generator/print/finish.c
FONTS_SRCS = generator/print/fonts.c
PRINT_PKGS = pangocairo pangofc harfbuzz cairo cairo-pdf librsvg-2.0 gdk-pixbuf-2.0 \
             libxml-2.0 fontconfig glib-2.0 yaml-0.1 icu-uc icu-i18n libqpdf
# libhyphen (Debian's libhyphen-dev) has no pkg-config file
PRINT_LIBS = -lhyphen
