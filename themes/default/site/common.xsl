<?xml version="1.0" encoding="utf-8"?>
<!-- Variables every template of the site shares.

     UI strings (themes/default/i18n/LANG.yaml, nested keys dotted) come
     from functions kitgen adds in the namespace xmlns:kg="urn:kitgen";
     declare it, with exclude-result-prefixes="kg", in every stylesheet
     that calls them:
       kg:s('nav.home')        the string in the page's language (/page/@lang),
                               else along its fallback chain (site.yaml),
                               else the default language's; '' when no
                               language has the key.
       kg:s($key, $otherwise)  the same, but $otherwise when no language
                               has the key (an existing empty string stays
                               empty). In a test, kg:s($key) is true only
                               when the string is not empty.
       kg:strings()            every string of the page's language as a
                               node-set of <s k="KEY">text</s> in key order,
                               for sets: kg:strings()[starts-with(@k, 'problem.')].
                               Made on each call: keep it in a variable.
       kg:language($code)      that language's name in the page's language
                               (ICU's locale data); '' when ICU has none. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:kg="urn:kitgen" exclude-result-prefixes="kg">
  <xsl:variable name="root" select="/page/@root"/>
  <xsl:variable name="lang" select="/page/@lang"/>

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

  <!-- The name of a language for the page's reader. -->
  <xsl:template name="language-name">
    <xsl:param name="code"/>
    <xsl:variable name="l" select="/page/site/languages/language[@code = $code]/@name"/>
    <!-- in the page's language ("영어", "English", "英文"); the language's
         own name where ICU has none -->
    <xsl:variable name="in-page" select="kg:language($code)"/>
    <xsl:choose>
      <xsl:when test="$in-page != ''"><xsl:value-of select="$in-page"/></xsl:when>
      <xsl:when test="$l"><xsl:value-of select="$l"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$code"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
