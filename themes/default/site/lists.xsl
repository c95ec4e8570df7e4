<?xml version="1.0" encoding="utf-8"?>
<!-- Home, catalogue lists and downloads. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:kg="urn:kitgen" exclude-result-prefixes="kg">

  <!-- A card for one item of a list. -->
  <!-- h: the card's heading level, one below the section it sits in. -->
  <xsl:template match="item" mode="card">
    <xsl:param name="h" select="'h3'"/>
    <li class="card" data-field="{field/@id}">
      <xsl:element name="{$h}"><a href="{$root}{@path}"><xsl:value-of select="title"/></a></xsl:element>
      <xsl:if test="field"><p class="tag"><xsl:value-of select="field"/></p></xsl:if>
      <xsl:if test="country"><p class="tag"><xsl:value-of select="country"/>
        <xsl:if test="mou"> · MOU <xsl:value-of select="mou"/></xsl:if></p></xsl:if>
      <xsl:if test="@kind = 'study'"><p class="tag"><xsl:value-of select="year"/> · <xsl:value-of select="city"/></p></xsl:if>
      <p><xsl:value-of select="summary"/></p>
      <xsl:if test="@fallback">
        <p class="note small" lang="{$lang}">
          <xsl:call-template name="fill">
            <xsl:with-param name="text" select="kg:s('page.in_language')"/>
            <xsl:with-param name="name" select="'language'"/>
            <xsl:with-param name="value"><xsl:call-template name="language-name"><xsl:with-param name="code" select="@lang"/></xsl:call-template></xsl:with-param>
          </xsl:call-template>
        </p>
      </xsl:if>
    </li>
  </xsl:template>

  <xsl:template match="page[@layout='home']" mode="layout">
    <section class="hero">
      <div class="wrap">
        <h1><xsl:value-of select="site/title"/></h1>
        <p class="lead"><xsl:value-of select="site/description"/></p>
        <p class="hero-links">
          <a class="button" href="{$root}{$lang}/systems/"><xsl:value-of select="kg:s('home.browse')"/></a>
          <xsl:for-each select="site/menu/item[1]">
            <a class="button secondary" href="{$root}{@path}"><xsl:value-of select="title"/></a>
          </xsl:for-each>
        </p>
      </div>
    </section>
    <div class="wrap">
      <section aria-labelledby="h-systems">
        <h2 id="h-systems"><xsl:value-of select="kg:s('home.systems')"/></h2>
        <ul class="cards">
          <xsl:apply-templates select="list[@kind='system']/item" mode="card"/>
        </ul>
      </section>
      <section aria-labelledby="h-studies">
        <h2 id="h-studies"><xsl:value-of select="kg:s('home.studies')"/></h2>
        <p><xsl:value-of select="kg:s('home.studies_intro')"/></p>
        <ol class="timeline">
          <xsl:for-each select="list[@kind='study']/item">
            <xsl:sort select="year" data-type="number"/>
            <li><span class="year"><xsl:value-of select="year"/></span>
              <a href="{$root}{@path}"><xsl:value-of select="title"/></a></li>
          </xsl:for-each>
        </ol>
      </section>
      <section aria-labelledby="h-cities">
        <h2 id="h-cities"><xsl:value-of select="kg:s('home.cities')"/></h2>
        <ul class="inline-list">
          <xsl:for-each select="list[@kind='city']/item">
            <li><a href="{$root}{@path}"><xsl:value-of select="title"/></a></li>
          </xsl:for-each>
        </ul>
      </section>
    </div>
  </xsl:template>

  <!-- The systems catalogue, filterable by field: links to each field's
       section work without script; the script hides the other cards. -->
  <xsl:template match="page[@layout='systems']" mode="layout">
    <div class="wrap">
      <h1><xsl:value-of select="kg:s('nav.systems')"/></h1>
      <p class="lead"><xsl:value-of select="kg:s('systems.intro')"/></p>
      <nav class="filter">
        <xsl:attribute name="aria-label"><xsl:value-of select="kg:s('systems.filter')"/></xsl:attribute>
        <ul>
          <li><a href="#all" data-filter="" aria-current="true"><xsl:value-of select="kg:s('systems.all')"/></a></li>
          <xsl:for-each select="site/fields/field[@id = /page/list/item/field/@id]">
            <li><a href="#field-{@id}" data-filter="{@id}"><xsl:value-of select="."/></a></li>
          </xsl:for-each>
        </ul>
      </nav>
      <div id="all">
        <xsl:for-each select="site/fields/field[@id = /page/list/item/field/@id]">
          <section id="field-{@id}" class="field" data-field="{@id}">
            <h2><xsl:value-of select="."/></h2>
            <ul class="cards">
              <xsl:apply-templates select="/page/list/item[field/@id = current()/@id]" mode="card"/>
            </ul>
          </section>
        </xsl:for-each>
      </div>
      <script src="{$root}assets/filter.js" defer="defer"></script>
    </div>
  </xsl:template>

  <xsl:template match="page[@layout='cities' or @layout='studies']" mode="layout">
    <div class="wrap">
      <h1><xsl:value-of select="kg:s(concat('nav.', current()/@layout))"/></h1>
      <p class="lead"><xsl:value-of select="kg:s(concat(current()/@layout, '.intro'))"/></p>
      <ul class="cards">
        <xsl:choose>
          <xsl:when test="@layout = 'studies'">
            <xsl:apply-templates select="list/item" mode="card">
              <xsl:sort select="year" data-type="number"/>
              <xsl:with-param name="h" select="'h2'"/>
            </xsl:apply-templates>
          </xsl:when>
          <xsl:otherwise>
            <xsl:apply-templates select="list/item" mode="card">
              <xsl:with-param name="h" select="'h2'"/>
            </xsl:apply-templates>
          </xsl:otherwise>
        </xsl:choose>
      </ul>
    </div>
  </xsl:template>

  <xsl:template match="page[@layout='downloads']" mode="layout">
    <div class="wrap">
      <h1><xsl:value-of select="kg:s('nav.downloads')"/></h1>
      <p class="lead"><xsl:value-of select="kg:s('downloads.intro')"/></p>
      <xsl:choose>
        <xsl:when test="downloads/document">
          <div class="table-wrap">
            <table class="downloads">
              <thead><tr>
                <th><xsl:value-of select="kg:s('downloads.document')"/></th>
                <th><xsl:value-of select="kg:s('downloads.type')"/></th>
                <th><xsl:value-of select="kg:s('downloads.language')"/></th>
                <th class="align-right"><xsl:value-of select="kg:s('downloads.size')"/></th>
              </tr></thead>
              <tbody>
                <xsl:for-each select="downloads/document">
                  <tr>
                    <td><a href="{$root}{@href}" hreflang="{@lang}" type="application/pdf"><xsl:value-of select="."/></a></td>
                    <td><xsl:value-of select="kg:s(concat('downloads.kind.', current()/@kind))"/></td>
                    <td><xsl:call-template name="language-name"><xsl:with-param name="code" select="@lang"/></xsl:call-template></td>
                    <td class="align-right"><xsl:value-of select="format-number(@bytes div 1024, '#,##0')"/> KB</td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </div>
        </xsl:when>
        <xsl:otherwise><p class="note"><xsl:value-of select="kg:s('downloads.none')"/></p></xsl:otherwise>
      </xsl:choose>
    </div>
  </xsl:template>

  <!-- Search: the form, the results (assets/search.js), and below them
       every page of this language: what a reader without JavaScript gets. -->
  <xsl:template match="page[@layout='search']" mode="layout">
    <div class="wrap">
      <h1><xsl:value-of select="kg:s('search.title')"/></h1>
      <form id="search-form" class="search-page" role="search" action="{$root}{$lang}/search/" method="get">
        <label for="search-q"><xsl:value-of select="kg:s('search.label')"/></label>
        <span class="search-row">
          <input id="search-q" type="search" name="q" autocomplete="off"/>
          <button type="submit" class="button"><xsl:value-of select="kg:s('search.button')"/></button>
        </span>
      </form>
      <div id="search-results" aria-live="polite" data-root="{$root}" data-lang="{$lang}"
           data-here="{kg:s('search.here')}" data-other="{kg:s('search.other')}"
           data-count="{kg:s('search.count')}" data-none="{kg:s('search.none')}"
           data-more="{kg:s('search.more')}" data-error="{kg:s('search.error')}"
           data-kind-system="{kg:s('search.kind.system')}" data-kind-city="{kg:s('search.kind.city')}"
           data-kind-study="{kg:s('search.kind.study')}" data-kind-page="{kg:s('search.kind.page')}"
           data-kind-pdf="{kg:s('search.kind.pdf')}">
        <xsl:for-each select="site/languages/language">
          <xsl:attribute name="data-lang-{@code}"><xsl:value-of select="@name"/></xsl:attribute>
        </xsl:for-each>
      </div>
      <section id="all-pages" aria-labelledby="h-all">
        <h2 id="h-all"><xsl:value-of select="kg:s('search.all')"/></h2>
        <p><xsl:value-of select="kg:s('search.all_intro')"/></p>
        <xsl:for-each select="list[item]">
          <h3><xsl:value-of select="kg:s(concat('search.kinds.', @kind))"/></h3>
          <ul class="page-list">
            <xsl:for-each select="item">
              <li><a href="{$root}{@path}"><xsl:value-of select="title"/></a>
                <xsl:if test="summary"><span class="muted"> — <xsl:value-of select="summary"/></span></xsl:if></li>
            </xsl:for-each>
          </ul>
        </xsl:for-each>
        <p><a href="{$root}{$lang}/downloads/"><xsl:value-of select="kg:s('nav.downloads')"/></a></p>
      </section>
      <script src="{$root}assets/search.js" defer="defer"></script>
    </div>
  </xsl:template>
</xsl:stylesheet>
