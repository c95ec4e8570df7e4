<?xml version="1.0" encoding="utf-8"?>
<!-- Markdown bodies as HTML: kitgen's model is XHTML-like already; these
     templates add addresses (ref, media) and the footnote markup. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:kg="urn:kitgen" exclude-result-prefixes="kg">

  <xsl:template match="*" mode="body">
    <xsl:element name="{local-name()}">
      <xsl:apply-templates select="@*" mode="body"/>
      <xsl:apply-templates mode="body"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="@*" mode="body">
    <xsl:copy/>
  </xsl:template>

  <!-- Never let an event handler or a script URL through, whatever the
       source (trusted raw HTML included). -->
  <xsl:template match="@*[starts-with(translate(local-name(), 'ON', 'on'), 'on')]" mode="body"/>
  <xsl:template match="@href[starts-with(translate(normalize-space(.), 'JAVSCRIPT', 'javscript'), 'javascript:')]" mode="body"/>
  <xsl:template match="script | style | iframe | object | embed" mode="body"/>

  <!-- A link to another page, in the reader's language. -->
  <xsl:template match="a[@ref]" mode="body">
    <a href="{$root}{$lang}/{@ref}">
      <xsl:apply-templates select="@title" mode="body"/>
      <xsl:apply-templates mode="body"/>
    </a>
  </xsl:template>
  <xsl:template match="a[@media]" mode="body">
    <a href="{$root}media/{@media}">
      <xsl:apply-templates select="@title" mode="body"/>
      <xsl:apply-templates mode="body"/>
    </a>
  </xsl:template>
  <xsl:template match="a[starts-with(@href, 'http')]" mode="body">
    <a href="{@href}" rel="external">
      <xsl:apply-templates select="@title" mode="body"/>
      <xsl:apply-templates mode="body"/>
    </a>
  </xsl:template>

  <xsl:template match="img[@media]" mode="body">
    <img src="{$root}media/{@media}" alt="{@alt}" loading="lazy" decoding="async">
      <xsl:copy-of select="@width | @height"/>
    </img>
  </xsl:template>

  <xsl:template match="li[@class='task']" mode="body">
    <li class="task">
      <input type="checkbox" disabled="disabled">
        <xsl:if test="@checked = 'true'"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
      </input>
      <xsl:text> </xsl:text>
      <xsl:apply-templates mode="body"/>
    </li>
  </xsl:template>

  <xsl:template match="th[@align] | td[@align]" mode="body">
    <xsl:element name="{local-name()}">
      <xsl:attribute name="class">align-<xsl:value-of select="@align"/></xsl:attribute>
      <xsl:apply-templates mode="body"/>
    </xsl:element>
  </xsl:template>

  <!-- Wide tables scroll inside their own box on phones (focusable, so a
       keyboard can scroll them too). -->
  <xsl:template match="table" mode="body">
    <div class="table-wrap" tabindex="0"><table><xsl:apply-templates mode="body"/></table></div>
  </xsl:template>

  <xsl:template match="fnref" mode="body">
    <sup class="fnref"><a href="#fn-{@n}">
      <xsl:if test="@first"><xsl:attribute name="id">fnref-<xsl:value-of select="@n"/></xsl:attribute></xsl:if>
      <xsl:value-of select="@n"/></a></sup>
  </xsl:template>

  <xsl:template match="footnotes" mode="body">
    <section class="footnotes">
      <xsl:attribute name="aria-label"><xsl:value-of select="kg:s('page.notes')"/></xsl:attribute>
      <h2><xsl:value-of select="kg:s('page.notes')"/></h2>
      <ol>
        <xsl:for-each select="fn">
          <li id="fn-{@n}">
            <xsl:apply-templates mode="body"/>
            <xsl:text> </xsl:text>
            <a href="#fnref-{@n}" class="back">
              <xsl:attribute name="aria-label"><xsl:value-of select="kg:s('page.back_to_text')"/></xsl:attribute>↩</a>
          </li>
        </xsl:for-each>
      </ol>
    </section>
  </xsl:template>
</xsl:stylesheet>
