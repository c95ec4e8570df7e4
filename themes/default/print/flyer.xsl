<?xml version="1.0" encoding="utf-8"?>
<!-- One-page system flyer for the table at a meeting: a title band, what
     it is in one sentence, the facts, the diagram, then what it is, how it
     works and what adoption takes in two columns, and where to read more. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://www.w3.org/1999/xhtml"
    xmlns:kg="urn:kitgen" exclude-result-prefixes="kg">

  <xsl:template match="page[@layout='flyer']" mode="document">
    <xsl:variable name="sys" select="item"/>
    <section class="flyer" data-title="{$sys/title}">
      <header class="band">
        <p class="kicker"><xsl:value-of select="site/title"/> · <xsl:value-of select="kg:s('print.flyer')"/></p>
        <h1 id="top"><xsl:value-of select="$sys/title"/></h1>
      </header>
      <p class="lead"><xsl:value-of select="$sys/summary"/></p>
      <xsl:call-template name="sample-note"><xsl:with-param name="item" select="$sys"/></xsl:call-template>
      <div class="facts">
        <table>
          <tbody>
            <tr class="label">
              <td><xsl:value-of select="kg:s('system.field')"/></td>
              <xsl:if test="$sys/launched"><td><xsl:value-of select="kg:s('system.launched')"/></td></xsl:if>
              <xsl:if test="$sys/problems/v"><td><xsl:value-of select="kg:s('system.problems')"/></td></xsl:if>
              <xsl:if test="$sys/studies/v"><td><xsl:value-of select="kg:s('system.studies')"/></td></xsl:if>
            </tr>
            <tr class="value">
              <!-- short facts stay on one line -->
              <td><xsl:value-of select="translate($sys/field, ' ', '&#160;')"/></td>
              <xsl:if test="$sys/launched"><td><xsl:value-of select="translate($sys/launched, ' ', '&#160;')"/></td></xsl:if>
              <xsl:if test="$sys/problems/v">
                <td>
                  <xsl:for-each select="$sys/problems/v">
                    <xsl:if test="position() &gt; 1">, </xsl:if>
                    <!-- the problem's UI string, else its id spelled out -->
                    <xsl:value-of select="kg:s(concat('problem.', current()), translate(., '-', ' '))"/>
                  </xsl:for-each>
                </td>
              </xsl:if>
              <xsl:if test="$sys/studies/v">
                <td><xsl:for-each select="$sys/studies/v"><xsl:if test="position() &gt; 1">, </xsl:if><xsl:value-of select="."/></xsl:for-each></td>
              </xsl:if>
            </tr>
          </tbody>
        </table>
      </div>
      <xsl:for-each select="$sys/image">
        <figure class="diagram"><img src="media/{@media}" alt="{../image_alt}"/></figure>
      </xsl:for-each>
      <!-- The first, third and last of the six sections: overview, how it
           works, what adoption takes. The rest is on the website. -->
      <section class="columns">
        <xsl:for-each select="$sys/body/h2[position() = 1 or position() = 3 or position() = last()]">
          <xsl:variable name="h" select="generate-id()"/>
          <h2><xsl:apply-templates mode="p"/></h2>
          <xsl:apply-templates select="key('part', $h)[not(self::table)]" mode="p"/>
        </xsl:for-each>
      </section>
      <footer class="imprint">
        <p class="more"><xsl:value-of select="kg:s('print.online')"/><xsl:text> </xsl:text>
          <a href="{$base}{$sys/@path}"><xsl:value-of select="concat($base, $sys/@path)"/></a></p>
        <p class="org"><xsl:value-of select="site/organisation"/> · <xsl:value-of select="site/title"/></p>
      </footer>
    </section>
  </xsl:template>
</xsl:stylesheet>
