<?xml version="1.0" encoding="utf-8"?>
<!-- Briefing kit for one delegation: cover, contents, the kit's own text,
     the city's relationship with Seoul, a chapter per system, contacts,
     back cover. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://www.w3.org/1999/xhtml"
    xmlns:kg="urn:kitgen" exclude-result-prefixes="kg">

  <xsl:template match="page[@layout='kit']" mode="document">
    <xsl:variable name="kit" select="item"/>
    <xsl:variable name="city" select="related/item[@kind='city']"/>
    <section class="cover">
      <header class="band">
        <figure class="emblem"><img src="assets/favicon.svg" alt="{site/title}"/></figure>
        <p class="kicker"><xsl:value-of select="site/title"/> · <xsl:value-of select="kg:s('print.kit')"/></p>
        <h1><xsl:value-of select="$kit/title"/></h1>
      </header>
      <p class="subtitle"><xsl:value-of select="$kit/delegation"/></p>
      <p class="place"><xsl:value-of select="$city/title"/>, <xsl:value-of select="$city/country"/></p>
      <xsl:call-template name="sample-note"><xsl:with-param name="item" select="$kit"/></xsl:call-template>
      <footer class="imprint">
        <p class="date"><xsl:value-of select="$kit/date"/></p>
        <p class="org"><xsl:value-of select="site/organisation"/></p>
      </footer>
    </section>
    <nav class="toc" id="toc"><h2><xsl:value-of select="kg:s('print.contents')"/></h2></nav>

    <!-- The kit's first section welcomes; the rest close, after the systems. -->
    <xsl:call-template name="chapters">
      <xsl:with-param name="body" select="$kit/body"/>
      <xsl:with-param name="to" select="1"/>
    </xsl:call-template>

    <xsl:for-each select="$city">
      <section class="chapter" data-title="{title}">
        <h1 id="city-{@slug}">
          <xsl:call-template name="fill">
            <xsl:with-param name="text" select="kg:s('print.city_and_seoul')"/>
            <xsl:with-param name="name" select="'city'"/>
            <xsl:with-param name="value" select="title"/>
          </xsl:call-template>
        </h1>
        <p class="lead"><xsl:value-of select="summary"/></p>
        <p class="note">
          <xsl:value-of select="kg:s('city.country')"/>: <xsl:value-of select="country"/>
          <xsl:if test="mou"> · <xsl:value-of select="kg:s('city.mou')"/>: <xsl:value-of select="mou"/></xsl:if>
          <xsl:if test="studies/v"> · <xsl:value-of select="kg:s('city.studies')"/>: <xsl:for-each select="studies/v"><xsl:if test="position() &gt; 1">, </xsl:if><xsl:value-of select="@year"/></xsl:for-each></xsl:if>
        </p>
        <xsl:apply-templates select="body/*[not(self::footnotes)]" mode="kit-city"/>
      </section>
    </xsl:for-each>

    <xsl:for-each select="related/item[@kind='system']">
      <section class="chapter" data-title="{title}">
        <h1 id="system-{@slug}"><xsl:value-of select="title"/></h1>
        <p class="lead"><xsl:value-of select="summary"/></p>
        <p class="note">
          <xsl:value-of select="kg:s('system.field')"/>: <xsl:value-of select="field"/>
          <xsl:if test="launched"> · <xsl:value-of select="kg:s('system.launched')"/>: <xsl:value-of select="launched"/></xsl:if>
        </p>
        <xsl:call-template name="sample-note"><xsl:with-param name="item" select="."/></xsl:call-template>
        <xsl:for-each select="image">
          <figure class="diagram">
            <img src="media/{@media}" alt="{../image_alt}"/>
            <figcaption><xsl:value-of select="kg:s('print.figure')"/><xsl:text> </xsl:text>
              <xsl:value-of select="@figure-n"/>. <xsl:value-of select="../image_alt"/></figcaption>
          </figure>
        </xsl:for-each>
        <xsl:apply-templates select="body/*[not(self::footnotes)]" mode="kit-system"/>
        <xsl:if test="$web">
          <p class="more"><xsl:value-of select="kg:s('print.online')"/><xsl:text> </xsl:text>
            <a href="{$base}{@path}"><xsl:value-of select="concat($base, @path)"/></a></p>
        </xsl:if>
      </section>
    </xsl:for-each>

    <xsl:call-template name="chapters">
      <xsl:with-param name="body" select="$kit/body"/>
      <xsl:with-param name="from" select="2"/>
    </xsl:call-template>

    <xsl:if test="$kit/contacts/v">
      <section class="chapter" data-title="{kg:s('print.contacts')}">
        <h1 id="contacts"><xsl:value-of select="kg:s('print.contacts')"/></h1>
        <table>
          <tbody>
            <xsl:for-each select="$kit/contacts/v">
              <tr><td><strong><xsl:value-of select="@name"/></strong></td><td><xsl:value-of select="@role"/></td>
                <td><xsl:if test="@email"><a href="mailto:{@email}"><xsl:value-of select="@email"/></a></xsl:if></td></tr>
            </xsl:for-each>
          </tbody>
        </table>
        <xsl:if test="$kit/sources/v">
          <h2><xsl:value-of select="kg:s('page.sources')"/></h2>
          <ul><xsl:for-each select="$kit/sources/v"><li><xsl:value-of select="."/></li></xsl:for-each></ul>
        </xsl:if>
      </section>
    </xsl:if>

    <section class="cover back">
      <footer class="colophon">
        <figure class="emblem"><img src="assets/favicon.svg" alt="{site/title}"/></figure>
        <p class="site"><xsl:value-of select="site/title"/></p>
        <p><xsl:value-of select="site/organisation"/></p>
        <xsl:if test="$web"><p><a href="{$base}{$lang}/"><xsl:value-of select="concat($base, $lang, '/')"/></a></p></xsl:if>
      </footer>
    </section>
  </xsl:template>

  <!-- Inside a chapter, a page's h2 sections stay h2. -->
  <xsl:template match="h2" mode="kit-city"><h2><xsl:apply-templates mode="p"/></h2></xsl:template>
  <xsl:template match="*" mode="kit-city"><xsl:apply-templates select="." mode="p"/></xsl:template>
  <xsl:template match="h2" mode="kit-system"><h2><xsl:apply-templates mode="p"/></h2></xsl:template>
  <xsl:template match="h3" mode="kit-system"><h3><xsl:apply-templates mode="p"/></h3></xsl:template>
  <xsl:template match="*" mode="kit-system"><xsl:apply-templates select="." mode="p"/></xsl:template>
</xsl:stylesheet>
