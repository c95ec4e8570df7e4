<?xml version="1.0" encoding="utf-8"?>
<!-- Print documents: briefing kit, system flyer, F/S report. The input is a
     <page layout="kit|flyer|report"> document made by kitgen; the output is
     the print document the paginator lays out (XHTML subset with classes:
     section.cover, section.chapter, nav.toc, span.fn, p.caption, …). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://www.w3.org/1999/xhtml" xmlns:kg="urn:kitgen" exclude-result-prefixes="kg">
  <xsl:import href="body.xsl"/>
  <xsl:import href="kit.xsl"/>
  <xsl:import href="report.xsl"/>
  <xsl:import href="flyer.xsl"/>
  <xsl:import href="diagnostic.xsl"/>
  <xsl:output method="xml" encoding="utf-8" indent="no"/>

  <xsl:template match="/page">
    <html lang="{@lang}" dir="{@dir}">
      <head>
        <title><xsl:value-of select="item/title"/></title>
        <meta name="author" content="{site/organisation}"/>
        <meta name="subject" content="{item/summary}"/>
        <meta name="keywords" content="{site/title}"/>
        <meta name="page-label" content="{kg:s('print.page_label')}"/>
        <!-- paper: the document's own, else its language's (site.yaml);
             without one the paginator asks the theme, then the locale -->
        <xsl:choose>
          <xsl:when test="item/paper != ''">
            <meta name="paper" content="{item/paper}"/>
          </xsl:when>
          <xsl:when test="@paper != ''">
            <meta name="paper" content="{@paper}"/>
          </xsl:when>
        </xsl:choose>
      </head>
      <body>
        <xsl:apply-templates select="." mode="document"/>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
