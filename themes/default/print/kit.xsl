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
      <xsl:call-template name="sample-note"><xsl:with-param name="item" select="$kit"/><xsl:with-param name="scope" select="'document'"/></xsl:call-template>
      <footer class="imprint">
        <p class="date"><xsl:value-of select="$kit/date"/></p>
        <p class="org"><xsl:value-of select="site/organisation"/></p>
      </footer>
    </section>
    <nav class="toc" id="toc"><h2><xsl:value-of select="kg:s('print.contents')"/></h2></nav>

    <!-- The kit's first section welcomes; the page goes on with the kit at
         a glance: who comes, the systems with one line each, the key
         figures. The rest of the kit's sections close it, after the
         systems. -->
    <xsl:variable name="systems" select="related/item[@kind='system']"/>
    <section class="chapter part" data-title="{kg:s('print.glance')}">
      <xsl:for-each select="$kit/body/h2[1]">
        <h1 id="{../../@kind}-{../../@slug}-{@id}"><xsl:apply-templates mode="p"/></h1>
        <xsl:apply-templates select="key('part', generate-id())" mode="p"/>
      </xsl:for-each>
      <h1 id="glance"><xsl:value-of select="kg:s('print.glance')"/></h1>
      <table class="keyfacts glance">
        <tbody>
          <tr><th><xsl:value-of select="kg:s('print.delegation')"/></th><td><xsl:value-of select="$kit/delegation"/></td></tr>
          <tr><th><xsl:value-of select="kg:s('study.city')"/></th><td><xsl:value-of select="$city/title"/>, <xsl:value-of select="$city/country"/></td></tr>
          <xsl:if test="$kit/date"><tr><th><xsl:value-of select="kg:s('print.visit')"/></th><td><xsl:value-of select="$kit/date"/></td></tr></xsl:if>
          <xsl:if test="$city/mou"><tr><th><xsl:value-of select="kg:s('city.mou')"/></th><td><xsl:value-of select="$city/mou"/></td></tr></xsl:if>
          <xsl:if test="$city/studies/v"><tr><th><xsl:value-of select="kg:s('city.studies')"/></th><td><xsl:for-each select="$city/studies/v"><xsl:if test="position() &gt; 1">, </xsl:if><xsl:value-of select="@year"/></xsl:for-each></td></tr></xsl:if>
        </tbody>
      </table>
      <xsl:if test="$systems">
        <h2><xsl:value-of select="kg:s('nav.systems')"/></h2>
        <ul class="glance">
          <xsl:for-each select="$systems">
            <li><strong><xsl:value-of select="title"/></strong>
              <xsl:if test="launched"> (<xsl:value-of select="launched"/>)</xsl:if>
              <xsl:text> — </xsl:text><xsl:value-of select="summary"/></li>
          </xsl:for-each>
        </ul>
      </xsl:if>
    </section>

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

    <!-- The systems follow one another on the same pages (one chapter):
         a system that ends high on a page leaves no blank page behind. -->
    <xsl:if test="$systems">
    <section class="chapter" data-title="{kg:s('nav.systems')}">
    <xsl:for-each select="$systems">
      <section class="system">
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
    </section>
    </xsl:if>

    <!-- The closing sections and the contacts share their pages too. -->
    <xsl:if test="$kit/body/h2[2] or $kit/contacts/v">
    <section class="chapter">
      <xsl:attribute name="data-title">
        <xsl:choose>
          <xsl:when test="$kit/body/h2[2]"><xsl:value-of select="$kit/body/h2[2]"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="kg:s('print.contacts')"/></xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
    <xsl:for-each select="$kit/body/h2[position() &gt; 1]">
      <h1 id="{../../@kind}-{../../@slug}-{@id}"><xsl:apply-templates mode="p"/></h1>
      <xsl:apply-templates select="key('part', generate-id())" mode="p"/>
    </xsl:for-each>
    <xsl:if test="$kit/contacts/v">
      <section class="contacts">
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
