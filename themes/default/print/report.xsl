<?xml version="1.0" encoding="utf-8"?>
<!-- F/S report: title page, contents, executive summary, the study's
     chapters, the implementation plan with the timeline chart and the cost
     table (both derived by kitgen from the front matter), funding options,
     references, an appendix on the proposed systems. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://www.w3.org/1999/xhtml"
    xmlns:kg="urn:kitgen" exclude-result-prefixes="kg">

  <xsl:template match="page[@layout='report']" mode="document">
    <xsl:variable name="st" select="item"/>
    <xsl:variable name="city" select="related/item[@kind='city']"/>
    <xsl:variable name="nbody" select="count($st/body/h2)"/>
    <section class="cover">
      <header class="band">
        <figure class="emblem"><img src="assets/favicon.svg" alt="{site/title}"/></figure>
        <p class="kicker"><xsl:value-of select="site/title"/> · <xsl:value-of select="kg:s('print.report')"/></p>
        <h1><xsl:value-of select="$st/title"/></h1>
      </header>
      <p class="subtitle"><xsl:value-of select="$city/title"/>, <xsl:value-of select="$city/country"/></p>
      <xsl:call-template name="sample-note"><xsl:with-param name="item" select="$st"/><xsl:with-param name="scope" select="'document'"/></xsl:call-template>
      <footer class="imprint">
        <p class="date"><xsl:value-of select="$st/year"/></p>
        <p class="org"><xsl:value-of select="site/organisation"/></p>
      </footer>
    </section>
    <nav class="toc" id="toc"><h2><xsl:value-of select="kg:s('print.contents')"/></h2></nav>

    <section class="chapter part" data-title="{kg:s('print.summary')}">
      <h1 id="summary">1. <xsl:value-of select="kg:s('print.summary')"/></h1>
      <p class="lead"><xsl:value-of select="$st/summary"/></p>
      <p class="caption"><xsl:value-of select="kg:s('print.key_facts')"/></p>
      <table class="keyfacts">
        <tbody>
          <tr><th><xsl:value-of select="kg:s('study.city')"/></th><td><xsl:value-of select="$city/title"/>, <xsl:value-of select="$city/country"/></td></tr>
          <tr><th><xsl:value-of select="kg:s('study.year')"/></th><td><xsl:value-of select="$st/year"/></td></tr>
          <xsl:if test="$st/scope"><tr><th><xsl:value-of select="kg:s('study.scope_label')"/></th><td><xsl:value-of select="kg:s(concat('study.scope.', $st/scope))"/></td></tr></xsl:if>
          <xsl:if test="$st/problem"><tr><th><xsl:value-of select="kg:s('study.problem')"/></th><td><xsl:value-of select="$st/problem"/></td></tr></xsl:if>
          <xsl:if test="$st/proposed/v"><tr><th><xsl:value-of select="kg:s('study.proposed')"/></th><td><xsl:for-each select="$st/proposed/v"><xsl:if test="position() &gt; 1">, </xsl:if><xsl:value-of select="."/></xsl:for-each></td></tr></xsl:if>
          <xsl:if test="$st/budget"><tr><th><xsl:value-of select="kg:s('study.total')"/></th><td><xsl:value-of select="$st/budget/@shown"/><xsl:if test="$st/sample = 'true'"> (<xsl:value-of select="kg:s('notice.sample_short')"/>)</xsl:if></td></tr></xsl:if>
        </tbody>
      </table>
      <xsl:call-template name="preamble"><xsl:with-param name="body" select="$st/body"/></xsl:call-template>
    </section>

    <xsl:call-template name="chapters">
      <xsl:with-param name="body" select="$st/body"/>
      <xsl:with-param name="number" select="true()"/>
      <xsl:with-param name="first" select="2"/>
    </xsl:call-template>

    <xsl:if test="$st/timeline or $st/budget or $st/funding/v">
      <section class="chapter" data-title="{kg:s('print.plan')}">
        <h1 id="plan"><xsl:value-of select="$nbody + 2"/>. <xsl:value-of select="kg:s('print.plan')"/></h1>
        <xsl:call-template name="sample-note"><xsl:with-param name="item" select="$st"/></xsl:call-template>
        <xsl:for-each select="$st/timeline">
          <h2><xsl:value-of select="kg:s('study.timeline')"/></h2>
          <figure class="chart">
            <!-- the alternative text says what the chart shows: every phase -->
            <img src="media/{@media}">
              <xsl:attribute name="alt">
                <xsl:value-of select="kg:s('study.timeline')"/>
                <xsl:text>: </xsl:text>
                <xsl:for-each select="phase">
                  <xsl:if test="position() &gt; 1">, </xsl:if>
                  <xsl:value-of select="@name"/><xsl:text> </xsl:text>
                  <xsl:value-of select="@start"/> – <xsl:value-of select="@end"/>
                </xsl:for-each>
              </xsl:attribute>
            </img>
            <figcaption><xsl:value-of select="kg:s('print.figure')"/><xsl:text> </xsl:text>
              <xsl:value-of select="@figure-n"/>. <xsl:value-of select="kg:s('study.timeline')"/></figcaption>
          </figure>
          <ul>
            <xsl:for-each select="phase">
              <li><strong><xsl:value-of select="position()"/>. <xsl:value-of select="@name"/></strong>: <xsl:value-of select="@start"/> – <xsl:value-of select="@end"/> (<xsl:value-of select="@months"/><xsl:text> </xsl:text><xsl:value-of select="kg:s('print.months')"/>)</li>
            </xsl:for-each>
          </ul>
        </xsl:for-each>
        <xsl:for-each select="$st/budget">
          <h2><xsl:value-of select="kg:s('study.costs')"/></h2>
          <xsl:variable name="n"><xsl:value-of select="@table-n"/></xsl:variable>
          <p class="caption"><xsl:value-of select="kg:s('print.table')"/><xsl:text> </xsl:text>
            <xsl:value-of select="$n + $table-offset"/><xsl:text>. </xsl:text>
            <xsl:value-of select="kg:s('study.costs')"/> (<xsl:value-of select="@currency"/>)</p>
          <table class="costs">
            <thead><tr><th><xsl:value-of select="kg:s('study.item')"/></th><th class="num"><xsl:value-of select="kg:s('study.amount')"/></th></tr></thead>
            <tbody>
              <xsl:for-each select="phase">
                <tr class="phase"><td><strong><xsl:value-of select="@n"/>. <xsl:value-of select="@name"/></strong></td><td class="num"></td></tr>
                <xsl:for-each select="line">
                  <tr><td><xsl:value-of select="@item"/></td><td class="num"><xsl:value-of select="@shown"/></td></tr>
                </xsl:for-each>
                <tr class="subtotal"><td><em><xsl:value-of select="kg:s('study.subtotal')"/></em></td><td class="num"><em><xsl:value-of select="@shown"/></em></td></tr>
              </xsl:for-each>
              <tr class="total"><td><strong><xsl:value-of select="kg:s('study.total')"/></strong></td><td class="num"><strong><xsl:value-of select="@shown"/></strong></td></tr>
            </tbody>
          </table>
        </xsl:for-each>
        <xsl:if test="$st/funding/v">
          <h2><xsl:value-of select="kg:s('study.funding')"/></h2>
          <ul><xsl:for-each select="$st/funding/v"><li><xsl:value-of select="."/></li></xsl:for-each></ul>
        </xsl:if>
      </section>
    </xsl:if>

    <section class="chapter" data-title="{kg:s('print.references')}">
      <h1 id="references"><xsl:value-of select="kg:s('print.references')"/></h1>
      <ol>
        <xsl:for-each select="$st/sources/v"><li><xsl:value-of select="."/></li></xsl:for-each>
        <xsl:if test="$web"><li><xsl:value-of select="site/title"/>: <a href="{$base}{$st/@path}"><xsl:value-of select="concat($base, $st/@path)"/></a></li></xsl:if>
      </ol>
    </section>

    <!-- The appendix opens a page of its own only when it holds several
         systems: one system's page under the references is no runt. -->
    <xsl:if test="related/item[@kind='system']">
      <section class="chapter{substring(' part', 1, 5 * (count(related/item[@kind='system']) &gt; 1))}" data-title="{kg:s('print.appendix')}">
        <h1 id="appendix"><xsl:value-of select="kg:s('print.appendix')"/></h1>
        <xsl:for-each select="related/item[@kind='system']">
          <h2><xsl:value-of select="title"/></h2>
          <p><xsl:value-of select="summary"/></p>
          <xsl:if test="$web">
            <p class="more"><xsl:value-of select="kg:s('print.online')"/><xsl:text> </xsl:text>
              <a href="{$base}{@path}"><xsl:value-of select="concat($base, @path)"/></a></p>
          </xsl:if>
        </xsl:for-each>
      </section>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
