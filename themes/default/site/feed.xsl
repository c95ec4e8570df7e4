<?xml version="1.0" encoding="utf-8"?>
<!-- The Atom feed of catalogue updates, one per language: pages written
     in that language, newest first, at most $limit of them (a reader
     fetches the feed again and again; the site lists everything). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://www.w3.org/2005/Atom">
  <xsl:output method="xml" encoding="utf-8" indent="yes"/>
  <xsl:variable name="base" select="/page/site/base-url"/>
  <xsl:variable name="entries" select="/page/list/item[not(@fallback)]"/>
  <xsl:variable name="limit" select="50"/>

  <xsl:template match="/page">
    <feed xml:lang="{@lang}">
      <title><xsl:value-of select="site/title"/></title>
      <subtitle><xsl:value-of select="site/description"/></subtitle>
      <id><xsl:value-of select="concat($base, @lang, '/')"/></id>
      <link rel="alternate" type="text/html" href="{$base}{@lang}/"/>
      <link rel="self" type="application/atom+xml" href="{$base}{@lang}/feed.xml"/>
      <author><name><xsl:value-of select="site/organisation"/></name></author>
      <generator><xsl:value-of select="site/generator"/></generator>
      <updated>
        <xsl:for-each select="$entries/updated">
          <xsl:sort select="@value" order="descending"/>
          <xsl:if test="position() = 1"><xsl:value-of select="@value"/>T00:00:00Z</xsl:if>
        </xsl:for-each>
        <xsl:if test="not($entries/updated)">1970-01-01T00:00:00Z</xsl:if>
      </updated>
      <xsl:for-each select="$entries">
        <xsl:sort select="updated/@value" order="descending"/>
        <xsl:sort select="@path"/>
        <xsl:if test="position() &lt;= $limit">
        <entry>
          <title><xsl:value-of select="title"/></title>
          <id><xsl:value-of select="concat($base, @path)"/></id>
          <link rel="alternate" type="text/html" href="{$base}{@path}"/>
          <updated>
            <xsl:choose>
              <xsl:when test="updated"><xsl:value-of select="updated/@value"/>T00:00:00Z</xsl:when>
              <xsl:otherwise>1970-01-01T00:00:00Z</xsl:otherwise>
            </xsl:choose>
          </updated>
          <summary><xsl:value-of select="summary"/></summary>
        </entry>
        </xsl:if>
      </xsl:for-each>
    </feed>
  </xsl:template>
</xsl:stylesheet>
