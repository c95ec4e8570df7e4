<?xml version="1.0" encoding="utf-8"?>
<!-- Every HTML page of the site. The input is a <page> document made by
     kitgen (see docs/theme.md); @layout says which kind of page it is. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:kg="urn:kitgen" exclude-result-prefixes="kg">
  <xsl:import href="common.xsl"/>
  <xsl:import href="body.xsl"/>
  <xsl:import href="lists.xsl"/>
  <xsl:import href="item.xsl"/>
  <xsl:import href="assess.xsl"/>
  <xsl:output method="html" encoding="utf-8" indent="no"/>

  <xsl:template match="/page">
    <xsl:text disable-output-escaping="yes">&lt;!DOCTYPE html&gt;&#10;</xsl:text>
    <html lang="{@lang}" dir="{@dir}">
      <head>
        <!-- libxslt writes the charset declaration (http-equiv) itself. -->
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <!-- Scripts only from the site's own files (assets/): nothing inline,
             no plugins, no <base> that would move them. -->
        <meta http-equiv="Content-Security-Policy" content="script-src 'self'; object-src 'none'; base-uri 'self'"/>
        <title><xsl:call-template name="page-title"/></title>
        <meta name="description" content="{$description}"/>
        <meta name="generator" content="{site/generator}"/>
        <xsl:call-template name="head-links"/>
        <meta property="og:type" content="website"/>
        <meta property="og:title"><xsl:attribute name="content"><xsl:call-template name="page-title"/></xsl:attribute></meta>
        <meta property="og:description" content="{$description}"/>
        <meta property="og:site_name" content="{site/title}"/>
        <meta property="og:locale" content="{translate(@lang, '-', '_')}"/>
        <xsl:if test="@layout != 'notfound'">
          <meta property="og:url" content="{site/base-url}{@path}"/>
        </xsl:if>
        <xsl:if test="item/image">
          <meta property="og:image" content="{site/base-url}media/{item/image/@media}"/>
        </xsl:if>
        <link rel="stylesheet" href="{$root}assets/style.css"/>
        <link rel="icon" href="{$root}assets/favicon.svg" type="image/svg+xml"/>
      </head>
      <body class="layout-{@layout}">
        <a class="skip" href="#main"><xsl:value-of select="kg:s('nav.skip')"/></a>
        <xsl:call-template name="header"/>
        <main id="main">
          <xsl:apply-templates select="." mode="layout"/>
        </main>
        <xsl:call-template name="footer"/>
      </body>
    </html>
  </xsl:template>

  <xsl:template name="page-title">
    <xsl:choose>
      <xsl:when test="item/title"><xsl:value-of select="item/title"/> · <xsl:value-of select="site/title"/></xsl:when>
      <xsl:when test="@layout = 'home' or @layout = 'root'"><xsl:value-of select="site/title"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="kg:s(concat('nav.', current()/@layout))"/>
        <xsl:if test="list/@page &gt; 1"> (<xsl:call-template name="page-of"/>)</xsl:if> · <xsl:value-of select="site/title"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:variable name="description">
    <xsl:choose>
      <xsl:when test="/page/item/summary"><xsl:value-of select="/page/item/summary"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="/page/site/description"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- canonical, hreflang alternates (real translations only), feed -->
  <xsl:template name="head-links">
    <xsl:variable name="base" select="site/base-url"/>
    <xsl:choose>
      <xsl:when test="item/@fallback">
        <link rel="canonical" href="{$base}{site/languages/language[@code = current()/item/@lang]/@path}"/>
        <meta name="robots" content="noindex"/>
      </xsl:when>
      <xsl:when test="@layout != 'notfound'">
        <link rel="canonical" href="{$base}{@path}"/>
      </xsl:when>
    </xsl:choose>
    <xsl:if test="@layout != 'notfound'">
      <xsl:for-each select="site/languages/language[@path]">
        <link rel="alternate" hreflang="{@code}" href="{$base}{@path}"/>
      </xsl:for-each>
      <xsl:for-each select="site/languages/language[@path and @code = /page/site/default-lang]">
        <link rel="alternate" hreflang="x-default" href="{$base}{@path}"/>
      </xsl:for-each>
    </xsl:if>
    <link rel="alternate" type="application/atom+xml" title="{site/title}" href="{$root}{@lang}/feed.xml"/>
  </xsl:template>

  <!-- Phone first: the brand, a menu button and the language picker on one
       line, the search field under them; from 60rem the navigation is
       shown on the line. Both work without JavaScript: the menu is a
       checkbox and its label, the languages a <details>. -->
  <xsl:template name="header">
    <header class="site-header">
      <div class="wrap bar">
        <a class="brand" href="{$root}{@lang}/">
          <img src="{$root}assets/favicon.svg" alt="" width="28" height="28"/>
          <span><xsl:value-of select="site/title"/></span>
        </a>
        <input type="checkbox" id="menu-toggle" class="menu-toggle"/>
        <label for="menu-toggle" class="menu-button"><xsl:value-of select="kg:s('nav.menu')"/></label>
        <xsl:call-template name="language-switcher"/>
        <nav class="site-nav">
          <xsl:attribute name="aria-label"><xsl:value-of select="kg:s('nav.label')"/></xsl:attribute>
          <ul>
            <xsl:call-template name="nav-link"><xsl:with-param name="to" select="'systems'"/></xsl:call-template>
            <xsl:call-template name="nav-link"><xsl:with-param name="to" select="'cities'"/></xsl:call-template>
            <xsl:call-template name="nav-link"><xsl:with-param name="to" select="'studies'"/></xsl:call-template>
            <xsl:if test="site/@assess">
              <xsl:call-template name="nav-link"><xsl:with-param name="to" select="'self-assessment'"/></xsl:call-template>
            </xsl:if>
            <xsl:for-each select="site/menu/item">
              <li><a href="{$root}{@path}">
                <xsl:if test="/page/item/@slug = @slug and /page/item/@kind = 'page'"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>
                <xsl:value-of select="menu_title"/><xsl:if test="not(menu_title)"><xsl:value-of select="title"/></xsl:if></a></li>
            </xsl:for-each>
            <xsl:call-template name="nav-link"><xsl:with-param name="to" select="'downloads'"/></xsl:call-template>
          </ul>
        </nav>
        <xsl:if test="@layout != 'search' and @layout != 'root' and @layout != 'notfound'">
          <form class="site-search" role="search" action="{$root}{@lang}/search/" method="get">
            <input type="search" name="q">
              <xsl:attribute name="aria-label"><xsl:value-of select="kg:s('search.label')"/></xsl:attribute>
              <xsl:attribute name="placeholder"><xsl:value-of select="kg:s('search.label')"/></xsl:attribute>
            </input>
            <button type="submit"><xsl:value-of select="kg:s('search.button')"/></button>
          </form>
        </xsl:if>
      </div>
    </header>
  </xsl:template>

  <xsl:template name="nav-link">
    <xsl:param name="to"/>
    <li><a href="{$root}{/page/@lang}/{$to}/">
      <xsl:if test="/page/@layout = $to or /page/item/@kind = substring($to, 1, string-length($to) - 1) or ($to = 'cities' and /page/item/@kind = 'city') or ($to = 'studies' and /page/item/@kind = 'study') or ($to = 'self-assessment' and /page/item/@kind = 'diagnostic')">
        <xsl:attribute name="aria-current">page</xsl:attribute>
      </xsl:if>
      <xsl:value-of select="kg:s(concat('nav.', $to))"/></a></li>
  </xsl:template>

  <!-- Each language links to this page in that language when it exists,
       else to that language's home. -->
  <!-- The current language, and a disclosure with the others by their
       own names: each links to this page in that language when it exists,
       else to that language's home. -->
  <xsl:template name="language-switcher">
    <details class="lang-picker">
      <summary>
        <xsl:attribute name="aria-label"><xsl:value-of select="kg:s('nav.languages')"/>: <xsl:value-of select="site/languages/language[@current]/@name"/></xsl:attribute>
        <span lang="{@lang}"><xsl:value-of select="site/languages/language[@current]/@name"/></span>
      </summary>
      <nav class="languages">
        <xsl:attribute name="aria-label"><xsl:value-of select="kg:s('nav.languages')"/></xsl:attribute>
        <ul>
          <xsl:for-each select="site/languages/language">
            <li>
              <xsl:choose>
                <xsl:when test="@current">
                  <span aria-current="true" lang="{@code}"><xsl:value-of select="@name"/></span>
                </xsl:when>
                <xsl:otherwise>
                  <a lang="{@code}" hreflang="{@code}">
                    <xsl:attribute name="href">
                      <xsl:value-of select="$root"/>
                      <xsl:choose>
                        <xsl:when test="@path"><xsl:value-of select="@path"/></xsl:when>
                        <xsl:otherwise><xsl:value-of select="concat(@code, '/')"/></xsl:otherwise>
                      </xsl:choose>
                    </xsl:attribute>
                    <xsl:value-of select="@name"/>
                  </a>
                </xsl:otherwise>
              </xsl:choose>
            </li>
          </xsl:for-each>
        </ul>
      </nav>
    </details>
  </xsl:template>

  <xsl:template name="footer">
    <footer class="site-footer">
      <div class="wrap">
        <p><xsl:value-of select="site/organisation"/></p>
        <p class="small">
          <a href="{$root}{@lang}/feed.xml"><xsl:value-of select="kg:s('footer.feed')"/></a>
          <xsl:text> · </xsl:text>
          <a href="{$root}sitemap.xml"><xsl:value-of select="kg:s('footer.sitemap')"/></a>
          <xsl:if test="document('settings.xml')/settings/generator-credit = 'true'">
            <xsl:text> · </xsl:text>
            <xsl:value-of select="kg:s('footer.made')"/><xsl:text> </xsl:text><xsl:value-of select="site/generator"/>
          </xsl:if>
        </p>
      </div>
    </footer>
  </xsl:template>

  <!-- Root: choose a language; the default one is suggested first. -->
  <xsl:template match="page[@layout='root']" mode="layout">
    <div class="wrap narrow">
      <h1><xsl:value-of select="site/title"/></h1>
      <p class="lead"><xsl:value-of select="site/description"/></p>
      <ul class="language-choice">
        <xsl:for-each select="site/languages/language">
          <li><a href="{@code}/" lang="{@code}" hreflang="{@code}"><xsl:value-of select="@name"/></a></li>
        </xsl:for-each>
      </ul>
    </div>
  </xsl:template>

  <xsl:template match="page[@layout='notfound']" mode="layout">
    <div class="wrap narrow">
      <h1><xsl:value-of select="kg:s('notfound.title')"/></h1>
      <p><xsl:value-of select="kg:s('notfound.text')"/></p>
      <ul class="language-choice">
        <xsl:for-each select="site/languages/language">
          <li><a href="{$root}{@code}/" lang="{@code}" hreflang="{@code}"><xsl:value-of select="@name"/></a></li>
        </xsl:for-each>
      </ul>
    </div>
  </xsl:template>
</xsl:stylesheet>
