<?xml version="1.0" encoding="utf-8"?>
<!-- One-page system flyer for the table at a meeting, on a fixed grid: a
     title band, the lead (what it is in one sentence), the key facts
     strip, the diagram, then how it works and what adoption takes in two
     columns, and the contact block with the QR code at the foot. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://www.w3.org/1999/xhtml"
    xmlns:kg="urn:kitgen" exclude-result-prefixes="kg">

  <xsl:template match="page[@layout='flyer']" mode="document">
    <xsl:variable name="sys" select="item"/>
    <!-- fit (which sections, 0 the most) and size (the body's size in
         tenths of a point): kitgen tries them and prints the fullest page
         that holds (style.yaml: .fit0 … .fit3, .size85 … .size130) -->
    <xsl:variable name="fit" select="number(concat('0', /page/@fit))"/>
    <xsl:variable name="size" select="concat('0', /page/@size)"/>
    <section class="flyer fit{$fit} size{number($size)}" data-title="{$sys/title}">
      <header class="band">
        <p class="kicker"><xsl:value-of select="site/title"/> · <xsl:value-of select="kg:s('print.flyer')"/></p>
        <h1 id="top"><xsl:value-of select="$sys/title"/></h1>
      </header>
      <p class="lead"><xsl:value-of select="$sys/summary"/></p>
      <xsl:call-template name="sample-note"><xsl:with-param name="item" select="$sys"/></xsl:call-template>
      <div class="facts">
        <table>
          <!-- each label heads the value under it: header cells, so the
               PDF's table says which value is which -->
          <thead>
            <tr class="label">
              <th><xsl:value-of select="kg:s('system.field')"/></th>
              <xsl:if test="$sys/launched"><th><xsl:value-of select="kg:s('system.launched')"/></th></xsl:if>
              <xsl:if test="$sys/problems/v"><th><xsl:value-of select="kg:s('system.problems')"/></th></xsl:if>
              <xsl:if test="$sys/studies/v"><th><xsl:value-of select="kg:s('system.studies')"/></th></xsl:if>
            </tr>
          </thead>
          <tbody>
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
      <!-- How it works and what adoption takes (the third and the last of
           the six sections) always; while the page has room, more: every
           section (fit 0), the results (to fit 1), the overview (to fit
           2). What is left out is on the website. -->
      <section class="columns">
        <xsl:for-each select="$sys/body/h2[$fit = 0 or position() = 3 or position() = last()
                                          or (position() = 5 and $fit &lt;= 1)
                                          or (position() = 1 and $fit &lt;= 2)]">
          <xsl:variable name="h" select="generate-id()"/>
          <h2><xsl:apply-templates mode="p"/></h2>
          <xsl:apply-templates select="key('part', $h)[not(self::table)]" mode="p"/>
        </xsl:for-each>
      </section>
      <!-- The contact block: who answers; with a public base URL, a card
           kitgen draws with the system's address and its QR code. -->
      <xsl:choose>
        <xsl:when test="$web and /page/@qr">
          <figure class="contact"><img src="{/page/@qr}" alt="{concat(site/organisation, ', ', $base, $sys/@path)}"/></figure>
        </xsl:when>
        <xsl:otherwise>
          <footer class="contact">
            <p class="who"><xsl:value-of select="kg:s('print.contacts')"/></p>
            <p class="org"><xsl:value-of select="site/organisation"/></p>
            <p class="site"><xsl:value-of select="site/title"/></p>
          </footer>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>
</xsl:stylesheet>
