<?xml version="1.0" encoding="utf-8"?>
<!-- Variables every template of the site shares. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:variable name="root" select="/page/@root"/>
  <xsl:variable name="lang" select="/page/@lang"/>
  <xsl:variable name="s" select="/page/strings/s"/>
  <!-- UI strings by key: an index, not a scan of every string per lookup. -->
  <xsl:key name="s" match="/page/strings/s" use="@k"/>

  <!-- A string with {name} replaced by value. -->
  <xsl:template name="fill">
    <xsl:param name="text"/>
    <xsl:param name="name"/>
    <xsl:param name="value"/>
    <xsl:variable name="mark" select="concat('{', $name, '}')"/>
    <xsl:choose>
      <xsl:when test="contains($text, $mark)">
        <xsl:value-of select="substring-before($text, $mark)"/>
        <xsl:value-of select="$value"/>
        <xsl:value-of select="substring-after($text, $mark)"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The name of a language in the reader's own list. -->
  <xsl:template name="language-name">
    <xsl:param name="code"/>
    <xsl:variable name="l" select="/page/site/languages/language[@code = $code]/@name"/>
    <xsl:choose>
      <xsl:when test="$l"><xsl:value-of select="$l"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$code"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
