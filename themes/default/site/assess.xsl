<?xml version="1.0" encoding="utf-8"?>
<!-- The self-assessment page: a form generated from the diagnosis model
     (<dxmodel>: fields, indicators, stages, systems, and the model as JSON
     for the browser scorer, assets/diagnose.js), a results panel the script
     fills, and the sample diagnoses. Without script the form still shows
     what a diagnosis asks for, and points to the sample diagnoses. The
     element ids and data-* attributes here are what diagnose.js reads. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:kg="urn:kitgen" exclude-result-prefixes="kg">

  <!-- The problem ids of the catalogue (system front matter 'problems'). -->
  <xsl:variable name="dx-problems" select="'complaints waste paper-administration participation transparency traffic information-access '"/>

  <!-- The UI strings diagnose.js uses. -->
  <xsl:variable name="dx-messages" select="concat(
    ' assess.city_known assess.city_new assess.city_missing assess.date_missing',
    ' assess.missing assess.missing_yesno assess.out_of_range assess.unknown assess.invalid',
    ' assess.results_summary assess.first assess.loaded assess.downloaded assess.file_title',
    ' assess.file_summary assess.file_heading assess.file_body dx.addresses dx.met dx.missing',
    ' dx.unknown dx.foundation dx.priority dx.need dx.gap dx.readiness dx.own ')"/>

  <xsl:template match="page[@layout='self-assessment']" mode="layout">
    <xsl:variable name="dm" select="dxmodel"/>
    <div class="wrap assess">
      <link rel="stylesheet" href="{$root}assets/assess.css"/>
      <h1><xsl:value-of select="kg:s('nav.self-assessment')"/></h1>
      <p class="lead"><xsl:value-of select="kg:s('assess.intro')"/></p>
      <p class="small muted"><xsl:value-of select="kg:s('assess.method')"/></p>
      <noscript>
        <p class="notice"><xsl:value-of select="kg:s('assess.noscript')"/></p>
      </noscript>
      <div class="assess-grid">
        <form id="dx-form" class="dx-form" novalidate="novalidate" data-lang="{$lang}" data-root="{$root}">
          <fieldset class="dx-about">
            <legend><xsl:value-of select="kg:s('assess.about')"/></legend>
            <div class="dx-input">
              <label for="dx-city"><xsl:value-of select="kg:s('assess.city')"/></label>
              <input type="text" id="dx-city" name="city" autocomplete="off" aria-describedby="dx-city-note dx-city-error"/>
              <p class="dx-note small muted" id="dx-city-note"></p>
              <p class="dx-error" id="dx-city-error"></p>
            </div>
            <div class="dx-input">
              <label for="dx-date"><xsl:value-of select="kg:s('assess.date')"/></label>
              <input type="date" id="dx-date" name="date" aria-describedby="dx-date-error"/>
              <p class="dx-error" id="dx-date-error"></p>
            </div>
          </fieldset>
          <fieldset class="dx-problems">
            <legend><xsl:value-of select="kg:s('assess.problems')"/></legend>
            <p class="small muted"><xsl:value-of select="kg:s('assess.problems_hint')"/></p>
            <ul class="dx-checks">
              <xsl:call-template name="dx-problem-boxes">
                <xsl:with-param name="ids" select="$dx-problems"/>
              </xsl:call-template>
            </ul>
          </fieldset>
          <xsl:apply-templates select="$dm/field" mode="assess"/>
          <p class="dx-actions" hidden="hidden">
            <button type="submit" class="button"><xsl:value-of select="kg:s('assess.score')"/></button>
            <button type="button" class="button secondary" id="dx-download" aria-describedby="dx-download-note"><xsl:value-of select="kg:s('assess.download')"/></button>
          </p>
          <p class="small muted" id="dx-download-note" hidden="hidden"><xsl:value-of select="kg:s('assess.download_hint')"/></p>
        </form>
        <xsl:call-template name="dx-results">
          <xsl:with-param name="dm" select="$dm"/>
        </xsl:call-template>
      </div>
      <xsl:if test="list[@kind='diagnostic']/item">
        <section class="dx-samples" aria-labelledby="dx-samples-title">
          <h2 id="dx-samples-title"><xsl:value-of select="kg:s('assess.samples')"/></h2>
          <p><xsl:value-of select="kg:s('assess.samples_intro')"/></p>
          <ul class="cards">
            <xsl:for-each select="list[@kind='diagnostic']/item">
              <li class="card">
                <h3><a href="{$root}{@path}"><xsl:value-of select="title"/></a></h3>
                <p class="tag"><xsl:value-of select="city"/> · <time datetime="{date/@value}"><xsl:value-of select="date"/></time></p>
                <p><xsl:value-of select="summary"/></p>
                <p hidden="hidden" class="dx-load-wrap">
                  <button type="button" class="button secondary dx-load" data-title="{title}" data-city="{city}" data-date="{date/@value}">
                    <xsl:attribute name="data-problems"><xsl:for-each select="problems/v"><xsl:if test="position() &gt; 1"><xsl:text> </xsl:text></xsl:if><xsl:value-of select="."/></xsl:for-each></xsl:attribute>
                    <xsl:attribute name="data-values"><xsl:for-each select="values/v"><xsl:if test="position() &gt; 1">;</xsl:if><xsl:value-of select="concat(@k, '=', .)"/></xsl:for-each></xsl:attribute>
                    <xsl:value-of select="kg:s('assess.load')"/>
                  </button>
                </p>
              </li>
            </xsl:for-each>
          </ul>
        </section>
      </xsl:if>
      <xsl:call-template name="dx-labels">
        <xsl:with-param name="dm" select="$dm"/>
      </xsl:call-template>
      <script type="application/json" id="dx-model"><xsl:value-of select="$dm/json" disable-output-escaping="yes"/></script>
      <script src="{$root}assets/diagnose.js" defer="defer"></script>
    </div>
  </xsl:template>

  <!-- One checkbox per problem id of a space-separated list. -->
  <xsl:template name="dx-problem-boxes">
    <xsl:param name="ids"/>
    <xsl:if test="normalize-space($ids)">
      <xsl:variable name="id" select="substring-before($ids, ' ')"/>
      <li>
        <input type="checkbox" id="dx-p-{$id}" name="problems" value="{$id}"/>
        <xsl:text> </xsl:text>
        <label for="dx-p-{$id}"><xsl:call-template name="dx-label"><xsl:with-param name="key" select="concat('problem.', $id)"/><xsl:with-param name="id" select="$id"/></xsl:call-template></label>
      </li>
      <xsl:call-template name="dx-problem-boxes">
        <xsl:with-param name="ids" select="substring-after($ids, ' ')"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- The UI string key, else the id itself. -->
  <xsl:template name="dx-label">
    <xsl:param name="key"/>
    <xsl:param name="id"/>
    <xsl:value-of select="kg:s($key, $id)"/>
  </xsl:template>

  <!-- A field of the model: one labelled input per indicator. -->
  <xsl:template match="field" mode="assess">
    <fieldset class="dx-field" id="dx-f-{@id}">
      <legend><xsl:value-of select="@name"/></legend>
      <xsl:for-each select="indicator">
        <xsl:variable name="id" select="concat('dx-i-', @id)"/>
        <!-- LOSI's criteria: a heading where a criterion starts -->
        <xsl:if test="@group and not(preceding-sibling::indicator[1]/@group = @group)">
          <p class="dx-group"><strong><xsl:value-of select="@group-name"/></strong></p>
        </xsl:if>
        <div class="dx-input">
          <label for="{$id}"><xsl:value-of select="@name"/></label>
          <xsl:choose>
            <xsl:when test="@method = 'yesno'">
              <select id="{$id}" name="{@id}" data-indicator="{@id}" data-method="yesno" aria-describedby="{$id}-error">
                <option value=""><xsl:value-of select="kg:s('assess.choose')"/></option>
                <option value="yes"><xsl:value-of select="kg:s('dx.yes')"/></option>
                <option value="no"><xsl:value-of select="kg:s('dx.no')"/></option>
              </select>
            </xsl:when>
            <xsl:otherwise>
              <span class="dx-number">
                <input type="number" id="{$id}" name="{@id}" data-indicator="{@id}" data-method="{@method}" min="{@lo}" max="{@hi}" step="any" aria-describedby="{$id}-hint {$id}-error"/>
                <xsl:if test="@unit">
                  <xsl:text> </xsl:text><span class="dx-unit" aria-hidden="true"><xsl:value-of select="@unit"/></span>
                </xsl:if>
              </span>
              <p class="dx-note small muted" id="{$id}-hint">
                <xsl:call-template name="fill">
                  <xsl:with-param name="text">
                    <xsl:call-template name="fill">
                      <xsl:with-param name="text" select="kg:s('assess.range')"/>
                      <xsl:with-param name="name" select="'lo'"/>
                      <xsl:with-param name="value" select="@lo"/>
                    </xsl:call-template>
                  </xsl:with-param>
                  <xsl:with-param name="name" select="'hi'"/>
                  <xsl:with-param name="value" select="@hi"/>
                </xsl:call-template>
                <!-- a unit like "0–3" only repeats the range -->
                <xsl:if test="@unit and translate(@unit, '0123456789', '') = @unit"><xsl:text> </xsl:text><xsl:value-of select="@unit"/></xsl:if>
              </p>
            </xsl:otherwise>
          </xsl:choose>
          <p class="dx-error" id="{$id}-error"></p>
        </div>
      </xsl:for-each>
    </fieldset>
  </xsl:template>

  <!-- The results, filled by diagnose.js: index, the ladder of stages,
       a bar per field, the ranked systems. Hidden until the script runs. -->
  <xsl:template name="dx-results">
    <xsl:param name="dm"/>
    <section id="dx-results" class="dx dx-results" aria-labelledby="dx-results-title" aria-live="polite" hidden="hidden">
      <h2 id="dx-results-title"><xsl:value-of select="kg:s('assess.results')"/></h2>
      <p id="dx-status"><xsl:value-of select="kg:s('assess.results_empty')"/></p>
      <div id="dx-output" hidden="hidden">
        <dl class="facts">
          <div><dt><xsl:value-of select="kg:s('dx.index')"/></dt><dd id="dx-index"></dd></div>
          <div><dt><xsl:value-of select="kg:s('dx.stage')"/></dt><dd id="dx-stage"></dd></div>
        </dl>
        <h3><xsl:value-of select="kg:s('dx.ladder')"/></h3>
        <ol class="ladder" id="dx-ladder">
          <xsl:for-each select="$dm/stage">
            <li class="stage" data-stage="{@id}"><strong><xsl:value-of select="@name"/></strong><xsl:text> </xsl:text><span class="small muted dx-min"></span></li>
          </xsl:for-each>
        </ol>
        <h3><xsl:value-of select="kg:s('dx.scores')"/></h3>
        <ul class="dx-bars" id="dx-bars">
          <xsl:for-each select="$dm/field">
            <li data-field="{@id}">
              <span class="dx-bar-name"><xsl:value-of select="@name"/></span>
              <span class="dx-bar" aria-hidden="true"><span class="dx-bar-fill"></span></span>
              <span class="dx-bar-value"></span>
            </li>
          </xsl:for-each>
        </ul>
        <h3><xsl:value-of select="kg:s('dx.recommend')"/></h3>
        <ol class="recommend" id="dx-recommend"></ol>
        <p id="dx-none" hidden="hidden"><xsl:value-of select="kg:s('assess.none')"/></p>
      </div>
    </section>
  </xsl:template>

  <!-- Texts and links the script needs, in the page's language: never
       shown, read from the template's content. -->
  <xsl:template name="dx-labels">
    <xsl:param name="dm"/>
    <!-- Sets of strings (by prefix, from a list): kg:strings() gives all of
         them as <s k="KEY">, made for this page only. -->
    <xsl:variable name="s" select="kg:strings()"/>
    <template id="dx-labels">
      <xsl:for-each select="$s[contains($dx-messages, concat(' ', @k, ' '))]">
        <span data-msg="{@k}"><xsl:value-of select="."/></span>
      </xsl:for-each>
      <xsl:for-each select="$s[starts-with(@k, 'problem.')]">
        <span data-problem="{substring-after(@k, 'problem.')}"><xsl:value-of select="."/></span>
      </xsl:for-each>
      <xsl:for-each select="$s[starts-with(@k, 'requirement.')]">
        <span data-requirement="{substring-after(@k, 'requirement.')}"><xsl:value-of select="."/></span>
      </xsl:for-each>
      <xsl:for-each select="$dm/stage">
        <span data-stage="{@id}"><xsl:value-of select="@name"/></span>
      </xsl:for-each>
      <xsl:for-each select="$dm/system">
        <a data-system="{@slug}" href="{$root}{@path}"><xsl:value-of select="@title"/></a>
      </xsl:for-each>
      <!-- Cities a typed name can match: the catalogue's, when the page
           lists them, and those of the sample diagnoses. -->
      <xsl:for-each select="list[@kind='city']/item">
        <span data-city="{@slug}"><xsl:value-of select="title"/></span>
      </xsl:for-each>
      <xsl:for-each select="list[@kind='diagnostic']/item/city">
        <span data-city="{@slug}"><xsl:value-of select="."/></span>
      </xsl:for-each>
    </template>
  </xsl:template>
</xsl:stylesheet>
