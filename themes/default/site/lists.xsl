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
      <xsl:if test="field"><p class="tag"><xsl:if test="@fallback"><xsl:attribute name="lang"><xsl:value-of select="$lang"/></xsl:attribute></xsl:if><xsl:value-of select="field"/></p></xsl:if>
      <xsl:if test="country"><p class="tag"><xsl:value-of select="country"/>
        <xsl:if test="mou"> · MOU <xsl:value-of select="mou"/></xsl:if></p></xsl:if>
      <xsl:if test="@kind = 'study'"><p class="tag"><xsl:value-of select="year"/> · <xsl:value-of select="city"/></p></xsl:if>
      <p><xsl:value-of select="summary"/></p>
    </li>
  </xsl:template>

  <!-- Cards of items: those written in the page's language, then, under
       "Available in English" (one heading per language they fall back to),
       the others: never mixed into one grid. -->
  <xsl:template name="cards">
    <xsl:param name="items"/>
    <xsl:param name="h" select="'h3'"/>
    <xsl:param name="sub" select="'h3'"/>
    <xsl:if test="$items[not(@fallback)]">
      <ul class="cards">
        <xsl:apply-templates select="$items[not(@fallback)]" mode="card">
          <xsl:sort select="year" data-type="number"/>
          <xsl:with-param name="h" select="$h"/>
        </xsl:apply-templates>
      </ul>
    </xsl:if>
    <xsl:for-each select="/page/site/languages/language[@code = $items[@fallback]/@lang]">
      <xsl:variable name="code" select="@code"/>
      <div class="fallback-group">
        <xsl:element name="{$sub}">
          <xsl:attribute name="class">fallback-heading</xsl:attribute>
          <xsl:call-template name="fill">
            <xsl:with-param name="text" select="kg:s('page.available_in')"/>
            <xsl:with-param name="name" select="'language'"/>
            <xsl:with-param name="value" select="@name"/>
          </xsl:call-template>
        </xsl:element>
        <ul class="cards fallback" lang="{$code}">
          <xsl:apply-templates select="$items[@fallback and @lang = $code]" mode="card">
            <xsl:sort select="year" data-type="number"/>
            <xsl:with-param name="h" select="$h"/>
          </xsl:apply-templates>
        </ul>
      </div>
    </xsl:for-each>
  </xsl:template>

  <!-- "Page 2 of 80" for the page's paged list. -->
  <xsl:template name="page-of">
    <xsl:variable name="l" select="/page/list[@pages]"/>
    <xsl:call-template name="fill">
      <xsl:with-param name="text">
        <xsl:call-template name="fill">
          <xsl:with-param name="text" select="kg:s('list.page')"/>
          <xsl:with-param name="name" select="'page'"/>
          <xsl:with-param name="value" select="$l/@page"/>
        </xsl:call-template>
      </xsl:with-param>
      <xsl:with-param name="name" select="'pages'"/>
      <xsl:with-param name="value" select="$l/@pages"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A paged list's way to its other pages: LIST/, LIST/page/2/, ... -->
  <xsl:template name="pager">
    <xsl:variable name="l" select="/page/list[@pages &gt; 1]"/>
    <xsl:if test="$l">
      <xsl:variable name="base" select="concat($root, $lang, '/', $l/@url)"/>
      <nav class="pager">
        <xsl:attribute name="aria-label"><xsl:value-of select="kg:s('list.pages')"/></xsl:attribute>
        <xsl:if test="$l/@page &gt; 1">
          <a rel="prev" href="{$base}">
            <xsl:if test="$l/@page &gt; 2"><xsl:attribute name="href"><xsl:value-of select="concat($base, 'page/', $l/@page - 1, '/')"/></xsl:attribute></xsl:if>
            <xsl:value-of select="kg:s('list.previous')"/></a>
        </xsl:if>
        <span aria-current="page"><xsl:call-template name="page-of"/></span>
        <xsl:if test="$l/@page &lt; $l/@pages">
          <a rel="next" href="{$base}page/{$l/@page + 1}/"><xsl:value-of select="kg:s('list.next')"/></a>
        </xsl:if>
      </nav>
    </xsl:if>
  </xsl:template>

  <!-- After a list cut to the theme's size (settings.xml): a link to all
       of its items, on the kind's own list. -->
  <xsl:template name="see-all">
    <xsl:param name="list"/>
    <xsl:if test="$list/@url and $list/@total &gt; count($list/item)">
      <p class="see-all"><a href="{$root}{$lang}/{$list/@url}">
        <xsl:call-template name="fill">
          <xsl:with-param name="text" select="kg:s('list.all')"/>
          <xsl:with-param name="name" select="'n'"/>
          <xsl:with-param name="value" select="$list/@total"/>
        </xsl:call-template></a></p>
    </xsl:if>
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
        <xsl:call-template name="cards">
          <xsl:with-param name="items" select="list[@kind='system']/item"/>
        </xsl:call-template>
        <xsl:call-template name="see-all"><xsl:with-param name="list" select="list[@kind='system']"/></xsl:call-template>
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
        <xsl:call-template name="see-all"><xsl:with-param name="list" select="list[@kind='study']"/></xsl:call-template>
      </section>
      <section aria-labelledby="h-cities">
        <h2 id="h-cities"><xsl:value-of select="kg:s('home.cities')"/></h2>
        <ul class="inline-list">
          <xsl:for-each select="list[@kind='city']/item">
            <li><a href="{$root}{@path}"><xsl:value-of select="title"/></a></li>
          </xsl:for-each>
        </ul>
        <xsl:call-template name="see-all"><xsl:with-param name="list" select="list[@kind='city']"/></xsl:call-template>
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
            <xsl:call-template name="cards">
              <xsl:with-param name="items" select="/page/list/item[field/@id = current()/@id]"/>
            </xsl:call-template>
          </section>
        </xsl:for-each>
      </div>
      <xsl:call-template name="pager"/>
      <script src="{$root}assets/filter.js" defer="defer"></script>
    </div>
  </xsl:template>

  <xsl:template match="page[@layout='cities' or @layout='studies']" mode="layout">
    <div class="wrap">
      <h1><xsl:value-of select="kg:s(concat('nav.', current()/@layout))"/></h1>
      <p class="lead"><xsl:value-of select="kg:s(concat(current()/@layout, '.intro'))"/></p>
      <xsl:call-template name="cards">
        <xsl:with-param name="items" select="list/item"/>
        <xsl:with-param name="h" select="'h2'"/>
        <xsl:with-param name="sub" select="'h2'"/>
      </xsl:call-template>
      <xsl:call-template name="pager"/>
    </div>
  </xsl:template>

  <!-- Downloads, grouped: one section per city (its kits, reports and
       diagnoses), then the systems' flyers. In each, the documents in the
       page's language first, the others in a disclosure. Without
       JavaScript that is the whole page (with links to each city); the
       script shows a filter by city, kind and language (downloads.js). -->
  <xsl:template match="page[@layout='downloads']" mode="layout">
    <xsl:variable name="docs" select="downloads/document"/>
    <div class="wrap">
      <h1><xsl:value-of select="kg:s('nav.downloads')"/></h1>
      <p class="lead"><xsl:value-of select="kg:s('downloads.intro')"/></p>
      <xsl:choose>
        <xsl:when test="$docs">
          <form class="dl-filter" id="dl-filter" hidden="hidden" data-count="{kg:s('downloads.shown')}">
            <xsl:call-template name="dl-select">
              <xsl:with-param name="name" select="'city'"/>
            </xsl:call-template>
            <xsl:call-template name="dl-select">
              <xsl:with-param name="name" select="'kind'"/>
            </xsl:call-template>
            <xsl:call-template name="dl-select">
              <xsl:with-param name="name" select="'lang'"/>
            </xsl:call-template>
            <p class="dl-count small muted" aria-live="polite"></p>
          </form>
          <nav class="dl-jump">
            <xsl:attribute name="aria-label"><xsl:value-of select="kg:s('downloads.by_city')"/></xsl:attribute>
            <ul class="inline-list">
              <xsl:for-each select="list[@kind='city']/item[@slug = $docs/@city]">
                <li><a href="#city-{@slug}"><xsl:value-of select="title"/></a></li>
              </xsl:for-each>
              <xsl:if test="$docs[not(@city)]">
                <li><a href="#flyers"><xsl:value-of select="kg:s('downloads.flyers')"/></a></li>
              </xsl:if>
            </ul>
          </nav>
          <xsl:for-each select="list[@kind='city']/item[@slug = $docs/@city]">
            <section class="dl-group" id="city-{@slug}" aria-labelledby="h-city-{@slug}">
              <h2 id="h-city-{@slug}"><xsl:value-of select="title"/></h2>
              <xsl:call-template name="dl-docs">
                <xsl:with-param name="docs" select="$docs[@city = current()/@slug]"/>
              </xsl:call-template>
            </section>
          </xsl:for-each>
          <xsl:if test="$docs[not(@city)]">
            <section class="dl-group" id="flyers" aria-labelledby="h-flyers">
              <h2 id="h-flyers"><xsl:value-of select="kg:s('downloads.flyers')"/></h2>
              <xsl:call-template name="dl-docs">
                <xsl:with-param name="docs" select="$docs[not(@city)]"/>
              </xsl:call-template>
            </section>
          </xsl:if>
          <script src="{$root}assets/downloads.js" defer="defer"></script>
        </xsl:when>
        <xsl:otherwise><p class="note"><xsl:value-of select="kg:s('downloads.none')"/></p></xsl:otherwise>
      </xsl:choose>
    </div>
  </xsl:template>

  <!-- One filter: every value the documents have. -->
  <xsl:template name="dl-select">
    <xsl:param name="name"/>
    <xsl:variable name="docs" select="/page/downloads/document"/>
    <label>
      <span><xsl:value-of select="kg:s(concat('downloads.filter_', $name))"/></span>
      <select name="{$name}">
        <option value=""><xsl:value-of select="kg:s('downloads.all')"/></option>
        <xsl:choose>
          <xsl:when test="$name = 'city'">
            <xsl:for-each select="/page/list[@kind='city']/item[@slug = $docs/@city]">
              <option value="{@slug}"><xsl:value-of select="title"/></option>
            </xsl:for-each>
            <xsl:if test="$docs[not(@city)]">
              <option value="-"><xsl:value-of select="kg:s('downloads.flyers')"/></option>
            </xsl:if>
          </xsl:when>
          <xsl:when test="$name = 'kind'">
            <xsl:for-each select="$docs[not(@kind = preceding-sibling::document/@kind)]">
              <option value="{@kind}"><xsl:value-of select="kg:s(concat('downloads.kind.', current()/@kind))"/></option>
            </xsl:for-each>
          </xsl:when>
          <xsl:otherwise>
            <!-- the page's language first -->
            <xsl:for-each select="/page/site/languages/language[@code = $docs/@lang and @code = $lang]">
              <option value="{@code}" lang="{@code}"><xsl:value-of select="@name"/></option>
            </xsl:for-each>
            <xsl:for-each select="/page/site/languages/language[@code = $docs/@lang and @code != $lang]">
              <option value="{@code}" lang="{@code}"><xsl:value-of select="@name"/></option>
            </xsl:for-each>
          </xsl:otherwise>
        </xsl:choose>
      </select>
    </label>
  </xsl:template>

  <!-- Documents of one group: the page's language, then the others. -->
  <xsl:template name="dl-docs">
    <xsl:param name="docs"/>
    <xsl:if test="$docs[@lang = $lang]">
      <ul class="dl-list">
        <xsl:apply-templates select="$docs[@lang = $lang]" mode="dl">
          <xsl:sort select="string-length(substring-before('kit report diagnostic flyer', @kind))" data-type="number"/>
        </xsl:apply-templates>
      </ul>
    </xsl:if>
    <xsl:if test="$docs[@lang != $lang]">
      <details class="dl-others">
        <summary>
          <xsl:call-template name="fill">
            <xsl:with-param name="text" select="kg:s('downloads.other_languages')"/>
            <xsl:with-param name="name" select="'n'"/>
            <xsl:with-param name="value" select="count($docs[@lang != $lang])"/>
          </xsl:call-template>
        </summary>
        <ul class="dl-list">
          <xsl:for-each select="/page/site/languages/language[@code != $lang]">
            <xsl:apply-templates select="$docs[@lang = current()/@code]" mode="dl">
              <xsl:sort select="string-length(substring-before('kit report diagnostic flyer', @kind))" data-type="number"/>
            </xsl:apply-templates>
          </xsl:for-each>
        </ul>
      </details>
    </xsl:if>
  </xsl:template>

  <xsl:template match="document" mode="dl">
    <li data-city="{@city}" data-kind="{@kind}" data-lang="{@lang}">
      <xsl:if test="not(@city)"><xsl:attribute name="data-city">-</xsl:attribute></xsl:if>
      <a href="{$root}{@href}" hreflang="{@lang}" type="application/pdf">
        <xsl:if test="@lang != $lang"><xsl:attribute name="lang"><xsl:value-of select="@lang"/></xsl:attribute></xsl:if>
        <xsl:value-of select="."/></a>
      <span class="tag">
        <xsl:value-of select="kg:s(concat('downloads.kind.', current()/@kind))"/> ·
        <xsl:call-template name="language-name"><xsl:with-param name="code" select="@lang"/></xsl:call-template> ·
        PDF <xsl:value-of select="format-number(@bytes div 1024, '#,##0')"/> KB</span>
    </li>
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
          <!-- data-* names are lower case: zh-Hant is data-lang-zh-hant -->
          <xsl:attribute name="data-lang-{translate(@code, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')}"><xsl:value-of select="@name"/></xsl:attribute>
        </xsl:for-each>
      </div>
      <section id="all-pages" aria-labelledby="h-all">
        <h2 id="h-all"><xsl:value-of select="kg:s('search.all')"/></h2>
        <!-- "every page" is true only while no list is cut (size= in settings.xml) -->
        <xsl:if test="not(list[@total &gt; count(item)])">
          <p><xsl:value-of select="kg:s('search.all_intro')"/></p>
        </xsl:if>
        <xsl:for-each select="list[item]">
          <h3><xsl:value-of select="kg:s(concat('search.kinds.', @kind))"/></h3>
          <ul class="page-list">
            <xsl:for-each select="item">
              <li><a href="{$root}{@path}"><xsl:value-of select="title"/></a>
                <xsl:if test="summary"><span class="muted"> — <xsl:value-of select="summary"/></span></xsl:if></li>
            </xsl:for-each>
          </ul>
          <xsl:call-template name="see-all"><xsl:with-param name="list" select="."/></xsl:call-template>
        </xsl:for-each>
        <p><a href="{$root}{$lang}/downloads/"><xsl:value-of select="kg:s('nav.downloads')"/></a></p>
      </section>
      <script src="{$root}assets/search.js" defer="defer"></script>
    </div>
  </xsl:template>
</xsl:stylesheet>
