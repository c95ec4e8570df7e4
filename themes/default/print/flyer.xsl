<?xml version="1.0" encoding="utf-8"?>
<!-- One-page system flyer for the table at a meeting: what it is, how it
     works, what adoption takes, and where to read more. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://www.w3.org/1999/xhtml">

  <xsl:template match="page[@layout='flyer']" mode="document">
    <xsl:variable name="sys" select="item"/>
    <section class="flyer" data-title="{$sys/title}">
      <p class="kicker"><xsl:value-of select="site/title"/> · <xsl:value-of select="$sys/field"/></p>
      <h1 id="top"><xsl:value-of select="$sys/title"/></h1>
      <p class="lead"><xsl:value-of select="$sys/summary"/></p>
      <xsl:if test="$sys/launched">
        <p class="note"><xsl:value-of select="$s[@k='system.launched']"/>: <xsl:value-of select="$sys/launched"/></p>
      </xsl:if>
      <xsl:for-each select="$sys/image">
        <figure><img src="media/{@media}" alt="{../image_alt}"/></figure>
      </xsl:for-each>
      <!-- The first, third and last of the six sections: overview, how it
           works, what adoption takes. The rest is on the website. -->
      <xsl:for-each select="$sys/body/h2[position() = 1 or position() = 3 or position() = last()]">
        <xsl:variable name="h" select="generate-id()"/>
        <h2><xsl:apply-templates mode="p"/></h2>
        <xsl:apply-templates select="following-sibling::*[not(self::h2) and not(self::footnotes) and not(self::table)][generate-id(preceding-sibling::h2[1]) = $h]" mode="p"/>
      </xsl:for-each>
      <p class="more"><xsl:value-of select="$s[@k='print.online']"/><xsl:text> </xsl:text>
        <a href="{$base}{$sys/@path}"><xsl:value-of select="concat($base, $sys/@path)"/></a></p>
    </section>
  </xsl:template>
</xsl:stylesheet>
