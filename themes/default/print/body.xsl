<?xml version="1.0" encoding="utf-8"?>
<!-- Markdown bodies in print: the model's elements in the XHTML namespace,
     numbered tables and figures, footnotes at the foot of their page. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://www.w3.org/1999/xhtml"
    xmlns:kg="urn:kitgen" exclude-result-prefixes="kg">
  <xsl:variable name="lang" select="/page/@lang"/>
  <!-- UI strings: kg:s('key') (xmlns:kg="urn:kitgen"), as in the site
       theme; site/common.xsl says what kg:s and kg:strings return. -->
  <!-- Keys, not scans: a long report has thousands of footnotes and
       blocks, and a scan per footnote or chapter grows as their square. -->
  <xsl:key name="fn" match="body/footnotes/fn" use="concat(generate-id(../..), ' ', @n)"/>
  <xsl:key name="part" match="body/*[not(self::h2) and not(self::footnotes)]"
           use="generate-id(preceding-sibling::h2[1])"/>
  <xsl:variable name="base" select="/page/site/base-url"/>
  <!-- false when the site has no public address yet (kitgen says so): no
       web address, link or QR code is printed -->
  <xsl:variable name="web" select="not(/page/@web = 'no')"/>

  <xsl:template name="fill">
    <xsl:param name="text"/>
    <xsl:param name="name"/>
    <xsl:param name="value"/>
    <xsl:variable name="mark" select="concat('{', $name, '}')"/>
    <xsl:choose>
      <xsl:when test="contains($text, $mark)">
        <xsl:value-of select="concat(substring-before($text, $mark), $value, substring-after($text, $mark))"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="*" mode="p">
    <xsl:element name="{local-name()}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:copy-of select="@id | @start | @lang"/>
      <xsl:apply-templates mode="p"/>
    </xsl:element>
  </xsl:template>

  <!-- Levels shift by one where a document makes h2 sections into chapters. -->
  <xsl:template match="h3 | h4 | h5 | h6" mode="p">
    <xsl:element name="h{number(substring(local-name(), 2)) - 1}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:copy-of select="@id"/>
      <xsl:apply-templates mode="p"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="a[@ref]" mode="p">
    <xsl:choose>
      <xsl:when test="$web"><a href="{$base}{$lang}/{@ref}"><xsl:apply-templates mode="p"/></a></xsl:when>
      <xsl:otherwise><xsl:apply-templates mode="p"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="a[@media]" mode="p"><xsl:apply-templates mode="p"/></xsl:template>
  <xsl:template match="a[@href]" mode="p">
    <xsl:choose>
      <xsl:when test="starts-with(@href, 'http') or starts-with(@href, 'mailto:')">
        <a href="{@href}"><xsl:apply-templates mode="p"/></a>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates mode="p"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="th[@align='right'] | td[@align='right']" mode="p">
    <xsl:element name="{local-name()}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:attribute name="class">num</xsl:attribute>
      <xsl:apply-templates mode="p"/>
    </xsl:element>
  </xsl:template>

  <!-- A report's key facts are its table 1: body tables count on from 2. -->
  <xsl:variable name="table-offset" select="number(/page/@layout = 'report')"/>

  <xsl:template match="table" mode="p">
    <xsl:variable name="n"><xsl:value-of select="@table-n"/></xsl:variable>
    <p class="caption">
      <xsl:value-of select="kg:s('print.table')"/><xsl:text> </xsl:text>
      <xsl:value-of select="$n + $table-offset"/>
    </p>
    <table><xsl:apply-templates mode="p"/></table>
  </xsl:template>

  <!-- An image alone in its paragraph is a figure, not a paragraph. -->
  <xsl:template match="p[count(*) = 1 and img[@media] and not(normalize-space())]" mode="p">
    <xsl:apply-templates select="img" mode="p"/>
  </xsl:template>
  <xsl:template match="img[@media]" mode="p">
    <figure>
      <img src="media/{@media}" alt="{@alt}"/>
      <figcaption>
        <xsl:value-of select="kg:s('print.figure')"/><xsl:text> </xsl:text>
        <xsl:value-of select="@figure-n"/>
        <xsl:if test="string(@alt)">. <xsl:value-of select="@alt"/></xsl:if>
      </figcaption>
    </figure>
  </xsl:template>
  <xsl:template match="img" mode="p"/>

  <xsl:template match="li[@class='task']" mode="p">
    <li><xsl:choose><xsl:when test="@checked='true'">☑ </xsl:when><xsl:otherwise>☐ </xsl:otherwise></xsl:choose>
      <xsl:apply-templates mode="p"/></li>
  </xsl:template>

  <!-- A footnote reference carries the note's text; the paginator sets it
       at the foot of the page where the reference falls. -->
  <xsl:template match="fnref" mode="p">
    <xsl:variable name="n" select="@n"/>
    <span class="fn"><xsl:apply-templates select="key('fn', concat(generate-id(ancestor::body[1]), ' ', $n))/node()" mode="fn"/></span>
  </xsl:template>
  <xsl:template match="p" mode="fn"><xsl:apply-templates mode="p"/><xsl:text> </xsl:text></xsl:template>
  <xsl:template match="*" mode="fn"><xsl:apply-templates select="." mode="p"/></xsl:template>
  <xsl:template match="footnotes" mode="p"/>

  <!-- The h2 sections of a body as chapters: each h2 with what follows it. -->
  <xsl:template name="chapters">
    <xsl:param name="body"/>
    <xsl:param name="number" select="false()"/>
    <xsl:param name="first" select="1"/>
    <xsl:param name="from" select="1"/>
    <xsl:param name="to" select="count($body/h2)"/>
    <xsl:for-each select="$body/h2[position() &gt;= $from and position() &lt;= $to]">
      <xsl:variable name="h" select="generate-id()"/>
      <section class="chapter" data-title="{.}">
        <h1 id="{../../@kind}-{../../@slug}-{@id}">
          <xsl:if test="$number"><xsl:value-of select="$first + position() - 1"/>. </xsl:if>
          <xsl:apply-templates mode="p"/>
        </h1>
        <xsl:apply-templates select="key('part', $h)" mode="p"/>
      </section>
    </xsl:for-each>
  </xsl:template>

  <!-- What stands before a body's first h2. -->
  <xsl:template name="preamble">
    <xsl:param name="body"/>
    <xsl:choose>
      <xsl:when test="$body/h2">
        <xsl:apply-templates select="$body/h2[1]/preceding-sibling::*[not(self::footnotes)]" mode="p"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="$body/*[not(self::footnotes)]" mode="p"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="sample-note">
    <xsl:param name="item"/>
    <xsl:param name="scope" select="'page'"/>
    <xsl:if test="$item/sample = 'true'">
      <!-- A cover holds no figures: there the note speaks of the document. -->
      <p class="note"><xsl:choose>
        <xsl:when test="$scope = 'document'"><xsl:value-of select="kg:s('notice.sample_document')"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="kg:s('notice.sample')"/></xsl:otherwise>
      </xsl:choose></p>
    </xsl:if>
    <xsl:if test="$item/@fallback">
      <p class="note"><xsl:value-of select="kg:s('print.fallback')"/></p>
    </xsl:if>
    <!-- On a cover: what the reader holds is a draft, or has chapters in
         another language. -->
    <xsl:variable name="own" select="count($item | /page/item) = 1"/>
    <xsl:if test="$own and not($item/@fallback) and $item/translation = 'draft'">
      <p class="note"><xsl:value-of select="kg:s('notice.draft')"/></p>
    </xsl:if>
    <xsl:if test="$own and not($item/@fallback) and /page/related/item[@fallback]">
      <p class="note"><xsl:value-of select="kg:s('print.fallback_chapters')"/></p>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
