<?xml version="1.0" encoding="utf-8"?>
<!-- Diagnostic report: one city's self-diagnosis — summary with the radar of
     field scores, its place on Seoul's path, the systems to build first with
     reasons and next steps, and every indicator with its source. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://www.w3.org/1999/xhtml"
    xmlns:kg="urn:kitgen" exclude-result-prefixes="kg">

  <xsl:template match="page[@layout='diagnostic']" mode="document">
    <xsl:variable name="it" select="item"/>
    <xsl:variable name="dx" select="item/diagnosis"/>
    <xsl:variable name="city" select="related/item[@kind='city']"/>
    <section class="cover">
      <header class="band">
        <figure class="emblem"><img src="assets/favicon.svg" alt="{site/title}"/></figure>
        <p class="kicker"><xsl:value-of select="site/title"/> · <xsl:value-of select="kg:s('downloads.kind.diagnostic')"/></p>
        <h1><xsl:value-of select="$it/title"/></h1>
      </header>
      <p class="subtitle"><xsl:value-of select="$city/title"/>, <xsl:value-of select="$city/country"/></p>
      <xsl:call-template name="sample-note"><xsl:with-param name="item" select="$it"/><xsl:with-param name="scope" select="'document'"/></xsl:call-template>
      <footer class="imprint">
        <p class="date"><xsl:value-of select="$it/date"/></p>
        <p class="org"><xsl:value-of select="site/organisation"/></p>
      </footer>
    </section>
    <nav class="toc" id="toc"><h2><xsl:value-of select="kg:s('print.contents')"/></h2></nav>

    <section class="chapter part" data-title="{kg:s('print.summary')}">
      <h1 id="summary">1. <xsl:value-of select="kg:s('print.summary')"/></h1>
      <p class="lead"><xsl:value-of select="$it/summary"/></p>
      <p class="caption"><xsl:value-of select="kg:s('print.key_facts')"/></p>
      <table class="keyfacts">
        <tbody>
          <tr><th><xsl:value-of select="kg:s('dx.index')"/></th><td class="num"><xsl:value-of select="kg:n($dx/@index, 1)"/></td></tr>
          <tr><th><xsl:value-of select="kg:s('dx.stage')"/></th><td class="num"><xsl:value-of select="$dx/@stage-name"/></td></tr>
          <xsl:for-each select="$dx/field">
            <tr><td><xsl:value-of select="@name"/></td><td class="num"><xsl:value-of select="kg:n(@score, 1)"/></td></tr>
          </xsl:for-each>
        </tbody>
      </table>
      <figure>
        <!-- the alternative text says what the chart shows: every score -->
        <img src="media/{$it/radar/@media}">
          <xsl:attribute name="alt">
            <xsl:value-of select="kg:s('dx.radar')"/>
            <xsl:text>: </xsl:text>
            <xsl:for-each select="$dx/field">
              <xsl:if test="position() &gt; 1">, </xsl:if>
              <xsl:value-of select="@name"/><xsl:text> </xsl:text><xsl:value-of select="@score"/>
            </xsl:for-each>
          </xsl:attribute>
        </img>
        <figcaption><xsl:value-of select="kg:s('print.figure')"/> 1. <xsl:value-of select="kg:s('dx.radar')"/></figcaption>
      </figure>
      <h2><xsl:value-of select="kg:s('dx.ladder')"/></h2>
      <ol>
        <xsl:for-each select="$dx/stages/stage">
          <li>
            <xsl:choose>
              <xsl:when test="@current"><strong><xsl:value-of select="@name"/> ◀</strong></xsl:when>
              <xsl:otherwise><xsl:value-of select="@name"/></xsl:otherwise>
            </xsl:choose>
            <xsl:text> (≥ </xsl:text><xsl:value-of select="kg:n(@min)"/>
            <xsl:if test="@own"><xsl:text>; </xsl:text><xsl:value-of select="kg:s('dx.own')"/></xsl:if>)
            <xsl:if test="condition[@kind='all']"><br/><xsl:value-of select="kg:s('dx.means')"/>: <xsl:for-each select="condition[@kind='all']"><xsl:if test="position() &gt; 1">; </xsl:if><xsl:value-of select="@name"/><xsl:if test="@met"> ✓</xsl:if></xsl:for-each></xsl:if>
            <xsl:if test="condition[@kind='floor']"><br/><xsl:value-of select="kg:s('dx.floor')"/>: <xsl:for-each select="condition[@kind='floor']"><xsl:if test="position() &gt; 1">; </xsl:if><xsl:value-of select="concat(@name, ' ≥ ', @min)"/><xsl:if test="@met"> ✓</xsl:if></xsl:for-each></xsl:if></li>
        </xsl:for-each>
      </ol>
      <p class="more"><xsl:value-of select="kg:s('dx.own_note')"/></p>
      <xsl:call-template name="dx-criteria"><xsl:with-param name="dx" select="$dx"/></xsl:call-template>
      <xsl:call-template name="preamble"><xsl:with-param name="body" select="$it/body"/></xsl:call-template>
    </section>

    <xsl:call-template name="chapters">
      <xsl:with-param name="body" select="$it/body"/>
      <xsl:with-param name="number" select="true()"/>
      <xsl:with-param name="first" select="2"/>
    </xsl:call-template>

    <section class="chapter" data-title="{kg:s('dx.recommend')}">
      <h1 id="recommend"><xsl:value-of select="count($it/body/h2) + 2"/>. <xsl:value-of select="kg:s('dx.recommend')"/></h1>
      <xsl:for-each select="$dx/recommend/system">
        <h2><xsl:value-of select="position()"/>. <xsl:value-of select="@title"/></h2>
        <p><xsl:value-of select="@summary"/></p>
        <ul>
          <xsl:if test="problem"><li><xsl:value-of select="kg:s('dx.addresses')"/>: <xsl:for-each select="problem"><xsl:if test="position() &gt; 1">, </xsl:if><xsl:value-of select="."/></xsl:for-each></li></xsl:if>
          <xsl:if test="met"><li><xsl:value-of select="kg:s('dx.met')"/>: <xsl:for-each select="met"><xsl:if test="position() &gt; 1">, </xsl:if><xsl:value-of select="."/></xsl:for-each></li></xsl:if>
          <xsl:if test="missing"><li><strong><xsl:value-of select="kg:s('dx.missing')"/></strong>: <xsl:for-each select="missing"><xsl:if test="position() &gt; 1">, </xsl:if><xsl:value-of select="."/></xsl:for-each></li></xsl:if>
          <xsl:if test="unknown"><li><xsl:value-of select="kg:s('dx.unknown')"/>: <xsl:for-each select="unknown"><xsl:if test="position() &gt; 1">, </xsl:if><xsl:value-of select="."/></xsl:for-each></li></xsl:if>
          <xsl:if test="@foundation"><li><xsl:value-of select="kg:s('dx.foundation')"/></li></xsl:if>
        </ul>
        <p class="more"><xsl:value-of select="concat(kg:s('dx.priority'), ': ', kg:n(@priority, 3), ' = ', kg:s('dx.need'), ' ', kg:n(@need, 2), ' × ', kg:s('dx.gap'), ' ', kg:n(@gap, 2), ' × (', kg:n(0.5, 1), ' + ', kg:n(0.5, 1), ' × ', kg:s('dx.readiness'), ' ', kg:n(@readiness, 2), ')')"/><xsl:if test="@foundation"><xsl:value-of select="concat(' × (1 + ', kg:n(0.25, 2), ' × ', kg:n(@foundation, 2), ')')"/></xsl:if>
          <xsl:if test="$web"><xsl:text> · </xsl:text><a href="{$base}{@path}"><xsl:value-of select="concat($base, @path)"/></a></xsl:if></p>
      </xsl:for-each>
    </section>

    <section class="chapter part" data-title="{kg:s('dx.indicators')}">
      <h1 id="indicators"><xsl:value-of select="count($it/body/h2) + 3"/>. <xsl:value-of select="kg:s('dx.indicators')"/></h1>
      <p class="caption"><xsl:value-of select="kg:s('dx.indicators')"/></p>
      <!-- Each field's source once, in a line under its row, where all its
           indicators share it (most do); an indicator's own source only
           where it differs. The indicator names head their rows (TH,
           scope Row). -->
      <table class="indicators">
        <thead><tr><th><xsl:value-of select="kg:s('dx.indicator')"/></th><th class="num"><xsl:value-of select="kg:s('dx.value')"/></th><th class="num"><xsl:value-of select="kg:s('dx.score')"/></th></tr></thead>
        <tbody>
          <xsl:for-each select="$dx/field">
            <xsl:variable name="shared" select="indicator[1]/@source"/>
            <tr class="phase"><th><xsl:value-of select="@name"/></th><td class="num"></td><td class="num"><xsl:value-of select="kg:n(@score, 1)"/></td></tr>
            <tr class="source"><td colspan="3"><xsl:value-of select="concat(kg:s('page.sources'), ': ', $shared)"/></td></tr>
            <xsl:for-each select="indicator">
              <tr><th class="name"><xsl:value-of select="@name"/>
                  <xsl:if test="@source != $shared"><xsl:value-of select="concat(' (', @source, ')')"/></xsl:if></th>
                <td class="num"><xsl:choose>
                  <xsl:when test="@method = 'yesno' and @value = '1'"><xsl:value-of select="kg:s('dx.yes')"/></xsl:when>
                  <xsl:when test="@method = 'yesno'"><xsl:value-of select="kg:s('dx.no')"/></xsl:when>
                  <xsl:otherwise><xsl:value-of select="kg:n(@value)"/></xsl:otherwise></xsl:choose></td>
                <td class="num"><xsl:value-of select="kg:n(@score, 1)"/></td></tr>
            </xsl:for-each>
          </xsl:for-each>
        </tbody>
      </table>
    </section>
  </xsl:template>

  <!-- Online services by LOSI criterion (0–1, as the survey reports them),
       and EGDI as context: the country's published value, never computed
       for the city. -->
  <xsl:template name="dx-criteria">
    <xsl:param name="dx"/>
    <xsl:for-each select="$dx/field[criterion]">
      <p class="caption"><xsl:value-of select="kg:s('dx.criteria')"/></p>
      <table class="keyfacts">
        <tbody>
          <xsl:for-each select="criterion">
            <tr><td><xsl:value-of select="@name"/></td><td class="num"><xsl:value-of select="concat(@present, '/', @size, ' = ', @score)"/></td></tr>
          </xsl:for-each>
        </tbody>
      </table>
    </xsl:for-each>
    <xsl:for-each select="$dx/egdi">
      <xsl:variable name="t1"><xsl:call-template name="fill"><xsl:with-param name="text" select="kg:s('dx.egdi')"/><xsl:with-param name="name" select="'country'"/><xsl:with-param name="value" select="@country"/></xsl:call-template></xsl:variable>
      <xsl:variable name="t2"><xsl:call-template name="fill"><xsl:with-param name="text" select="$t1"/><xsl:with-param name="name" select="'year'"/><xsl:with-param name="value" select="@year"/></xsl:call-template></xsl:variable>
      <xsl:variable name="t3"><xsl:call-template name="fill"><xsl:with-param name="text" select="$t2"/><xsl:with-param name="name" select="'value'"/><xsl:with-param name="value" select="@value"/></xsl:call-template></xsl:variable>
      <p class="more"><xsl:call-template name="fill"><xsl:with-param name="text" select="$t3"/><xsl:with-param name="name" select="'band'"/><xsl:with-param name="value" select="kg:s(concat('dx.band.', @band))"/></xsl:call-template>
        <xsl:text> (</xsl:text><xsl:value-of select="@source"/>)</p>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
