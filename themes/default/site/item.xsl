<?xml version="1.0" encoding="utf-8"?>
<!-- Pages of one item: a system, a city, a study, a free page. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:kg="urn:kitgen" exclude-result-prefixes="kg">

  <xsl:template match="page[item]" mode="layout">
    <xsl:variable name="it" select="item"/>
    <article class="wrap item item-{item/@kind}">
      <xsl:if test="$it/@fallback">
        <xsl:attribute name="lang"><xsl:value-of select="$it/@lang"/></xsl:attribute>
      </xsl:if>
      <xsl:call-template name="breadcrumb"/>
      <h1><xsl:value-of select="$it/title"/></h1>
      <p class="lead"><xsl:value-of select="$it/summary"/></p>
      <xsl:call-template name="notices"/>
      <xsl:apply-templates select="$it" mode="facts"/>
      <xsl:for-each select="$it/image">
        <!-- Diagrams keep the size they were drawn at (labels of 12 px and
             more) and scroll sideways on a narrow screen. -->
        <figure class="lead-figure diagram" tabindex="0">
          <img src="{$root}media/{@media}" alt="{../image_alt}">
            <xsl:copy-of select="@width | @height"/>
            <xsl:if test="@width"><xsl:attribute name="style">width: <xsl:value-of select="@width"/>px</xsl:attribute></xsl:if>
          </img>
        </figure>
      </xsl:for-each>
      <div class="item-body">
        <xsl:if test="count($it/toc/h[@level='2']) &gt;= 3">
          <xsl:attribute name="class">item-body has-toc</xsl:attribute>
          <nav class="toc">
            <xsl:attribute name="aria-label"><xsl:value-of select="kg:s('page.contents')"/></xsl:attribute>
            <h2><xsl:value-of select="kg:s('page.contents')"/></h2>
            <ol>
              <xsl:for-each select="$it/toc/h[@level='2']">
                <li><a href="#{@id}"><xsl:value-of select="."/></a></li>
              </xsl:for-each>
            </ol>
          </nav>
        </xsl:if>
        <div class="prose">
          <xsl:apply-templates select="$it/body/node()[not(self::footnotes)]" mode="body"/>
          <xsl:apply-templates select="$it/diagnosis" mode="dx"/>
          <xsl:apply-templates select="$it/timeline" mode="plan"/>
          <xsl:apply-templates select="$it/budget" mode="plan"/>
          <xsl:if test="$it/funding/v">
            <section class="related">
              <h2><xsl:value-of select="kg:s('study.funding')"/></h2>
              <ul><xsl:for-each select="$it/funding/v"><li><xsl:value-of select="."/></li></xsl:for-each></ul>
            </section>
          </xsl:if>
          <xsl:apply-templates select="$it/studies" mode="related"/>
          <xsl:call-template name="item-downloads"/>
          <xsl:if test="$it/sources/v">
            <section class="sources">
              <h2><xsl:value-of select="kg:s('page.sources')"/></h2>
              <ul><xsl:for-each select="$it/sources/v"><li><xsl:value-of select="."/></li></xsl:for-each></ul>
              <!-- a catalogue with a menu page named "sources" gathers every
                   source there: each page's list points to it -->
              <xsl:for-each select="/page/site/menu/item[@slug = 'sources'][not(@slug = $it/@slug and $it/@kind = 'page')]">
                <p class="small"><a href="{$root}{@path}"><xsl:value-of select="title"/></a></p>
              </xsl:for-each>
            </section>
          </xsl:if>
          <xsl:apply-templates select="$it/body/footnotes" mode="body"/>
          <xsl:if test="$it/updated">
            <p class="small muted"><xsl:value-of select="kg:s('page.updated')"/><xsl:text> </xsl:text>
              <time datetime="{$it/updated/@value}"><xsl:value-of select="$it/updated"/></time></p>
          </xsl:if>
        </div>
      </div>
    </article>
  </xsl:template>

  <xsl:template name="breadcrumb">
    <xsl:variable name="kind" select="item/@kind"/>
    <nav class="breadcrumb">
      <xsl:attribute name="aria-label"><xsl:value-of select="kg:s('nav.breadcrumb')"/></xsl:attribute>
      <a href="{$root}{$lang}/"><xsl:value-of select="kg:s('nav.home')"/></a>
      <xsl:if test="$kind != 'page'">
        <xsl:variable name="list">
          <xsl:choose>
            <xsl:when test="$kind = 'system'">systems</xsl:when>
            <xsl:when test="$kind = 'city'">cities</xsl:when>
            <xsl:when test="$kind = 'diagnostic'">self-assessment</xsl:when>
            <xsl:otherwise>studies</xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:text> › </xsl:text>
        <a href="{$root}{$lang}/{$list}/"><xsl:value-of select="kg:s(concat('nav.', $list))"/></a>
      </xsl:if>
    </nav>
  </xsl:template>

  <!-- Visible notices: fallback language, draft translation, sample figures. -->
  <xsl:template name="notices">
    <xsl:variable name="it" select="item"/>
    <xsl:if test="$it/@fallback">
      <p class="notice" role="note" lang="{$lang}">
        <xsl:call-template name="fill">
          <xsl:with-param name="text">
            <xsl:call-template name="fill">
              <xsl:with-param name="text" select="kg:s('notice.fallback')"/>
              <xsl:with-param name="name" select="'current'"/>
              <xsl:with-param name="value"><xsl:call-template name="language-name"><xsl:with-param name="code" select="$lang"/></xsl:call-template></xsl:with-param>
            </xsl:call-template>
          </xsl:with-param>
          <xsl:with-param name="name" select="'language'"/>
          <xsl:with-param name="value"><xsl:call-template name="language-name"><xsl:with-param name="code" select="$it/@lang"/></xsl:call-template></xsl:with-param>
        </xsl:call-template>
      </p>
    </xsl:if>
    <xsl:if test="$it/translation = 'draft'">
      <p class="draft-note" lang="{$lang}"><xsl:value-of select="kg:s('notice.draft')"/></p>
    </xsl:if>
    <xsl:if test="$it/sample = 'true'">
      <p class="notice sample" role="note" lang="{$lang}"><xsl:value-of select="kg:s('notice.sample')"/></p>
    </xsl:if>
  </xsl:template>

  <xsl:template name="fact">
    <xsl:param name="key"/>
    <xsl:param name="value"/>
    <div><dt><xsl:value-of select="kg:s($key)"/></dt><dd><xsl:copy-of select="$value"/></dd></div>
  </xsl:template>

  <xsl:template match="item" mode="facts"/>

  <xsl:template match="item[@kind='system']" mode="facts">
    <dl class="facts">
      <xsl:call-template name="fact">
        <xsl:with-param name="key" select="'system.field'"/>
        <xsl:with-param name="value"><a href="{$root}{$lang}/systems/#field-{field/@id}"><xsl:value-of select="field"/></a></xsl:with-param>
      </xsl:call-template>
      <xsl:if test="launched">
        <xsl:call-template name="fact">
          <xsl:with-param name="key" select="'system.launched'"/>
          <xsl:with-param name="value"><time datetime="{launched/@value}"><xsl:value-of select="launched"/></time></xsl:with-param>
        </xsl:call-template>
      </xsl:if>
      <xsl:if test="problems/v">
        <xsl:call-template name="fact">
          <xsl:with-param name="key" select="'system.problems'"/>
          <xsl:with-param name="value">
            <xsl:for-each select="problems/v">
              <xsl:if test="position() &gt; 1">, </xsl:if>
              <!-- the problem's UI string, else its id spelled out -->
              <xsl:value-of select="kg:s(concat('problem.', current()), translate(., '-', ' '))"/>
            </xsl:for-each>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:if>
    </dl>
  </xsl:template>

  <xsl:template match="item[@kind='city']" mode="facts">
    <dl class="facts">
      <xsl:call-template name="fact">
        <xsl:with-param name="key" select="'city.country'"/>
        <xsl:with-param name="value"><xsl:value-of select="country"/><xsl:if test="continent"> · <xsl:value-of select="continent"/></xsl:if></xsl:with-param>
      </xsl:call-template>
      <xsl:if test="mou">
        <xsl:call-template name="fact">
          <xsl:with-param name="key" select="'city.mou'"/>
          <xsl:with-param name="value" select="string(mou)"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:call-template name="fact">
        <xsl:with-param name="key" select="'city.studies'"/>
        <xsl:with-param name="value">
          <xsl:choose>
            <xsl:when test="studies/v"><xsl:value-of select="count(studies/v)"/></xsl:when>
            <xsl:otherwise>—</xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
      </xsl:call-template>
    </dl>
  </xsl:template>

  <xsl:template match="item[@kind='diagnostic']" mode="facts">
    <dl class="facts">
      <xsl:call-template name="fact">
        <xsl:with-param name="key" select="'study.city'"/>
        <xsl:with-param name="value"><a href="{$root}{city/@path}"><xsl:value-of select="city"/></a></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="fact">
        <xsl:with-param name="key" select="'dx.date'"/>
        <xsl:with-param name="value"><time datetime="{date/@value}"><xsl:value-of select="date"/></time></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="fact">
        <xsl:with-param name="key" select="'dx.index'"/>
        <xsl:with-param name="value" select="string(diagnosis/@index)"/>
      </xsl:call-template>
      <xsl:call-template name="fact">
        <xsl:with-param name="key" select="'dx.stage'"/>
        <xsl:with-param name="value" select="string(diagnosis/@stage-name)"/>
      </xsl:call-template>
    </dl>
  </xsl:template>

  <!-- A diagnosis: radar of field scores, Seoul's stage ladder, the
       recommended systems with their reasons, every indicator with its
       source. All computed by kitgen from model.yaml. -->
  <xsl:template match="diagnosis" mode="dx">
    <section class="dx" aria-labelledby="dx-scores">
      <h2 id="dx-scores"><xsl:value-of select="kg:s('dx.scores')"/></h2>
      <!-- The radar's smallest labels are 7 units: shown 1.6 times larger
           (11 px), scrolling sideways where the screen is narrower. -->
      <figure class="chart diagram" tabindex="0">
        <img src="{$root}media/{../radar/@media}" width="{../radar/@width}" height="{../radar/@height}" style="width: {round(../radar/@width * 1.6)}px">
          <xsl:attribute name="alt"><xsl:for-each select="field"><xsl:value-of select="@name"/>: <xsl:value-of select="@score"/><xsl:if test="position() != last()">; </xsl:if></xsl:for-each></xsl:attribute>
        </img>
        <figcaption><xsl:value-of select="kg:s('dx.radar')"/></figcaption>
      </figure>
      <h3><xsl:value-of select="kg:s('dx.ladder')"/></h3>
      <ol class="ladder">
        <xsl:for-each select="stages/stage">
          <li>
            <xsl:attribute name="class">stage<xsl:if test="@reached"> reached</xsl:if><xsl:if test="@current"> current</xsl:if></xsl:attribute>
            <xsl:if test="@current"><xsl:attribute name="aria-current">step</xsl:attribute></xsl:if>
            <strong><xsl:value-of select="@name"/></strong>
            <span class="small muted"> (≥ <xsl:value-of select="@min"/><xsl:if test="@own"><xsl:text>; </xsl:text><xsl:value-of select="kg:s('dx.own')"/></xsl:if>)</span>
            <xsl:if test="condition[@kind='all']"><br/><span class="small"><xsl:value-of select="kg:s('dx.means')"/>: <xsl:for-each select="condition[@kind='all']"><xsl:if test="position() &gt; 1">; </xsl:if><xsl:value-of select="@name"/><xsl:if test="@met"> ✓</xsl:if></xsl:for-each></span></xsl:if>
            <xsl:if test="condition[@kind='floor']"><br/><span class="small"><xsl:value-of select="kg:s('dx.floor')"/>: <xsl:for-each select="condition[@kind='floor']"><xsl:if test="position() &gt; 1">; </xsl:if><xsl:value-of select="concat(@name, ' ≥ ', @min)"/><xsl:if test="@met"> ✓</xsl:if></xsl:for-each></span></xsl:if>
          </li>
        </xsl:for-each>
      </ol>
      <p class="small muted"><xsl:value-of select="kg:s('dx.own_note')"/></p>
      <xsl:for-each select="field[criterion]">
        <h3><xsl:value-of select="kg:s('dx.criteria')"/></h3>
        <dl class="facts">
          <xsl:for-each select="criterion">
            <div><dt><xsl:value-of select="@name"/></dt><dd><xsl:value-of select="concat(@present, '/', @size, ' = ', @score)"/></dd></div>
          </xsl:for-each>
        </dl>
      </xsl:for-each>
      <xsl:for-each select="egdi">
        <p class="small muted">
          <xsl:call-template name="fill">
            <xsl:with-param name="text"><xsl:call-template name="fill">
              <xsl:with-param name="text"><xsl:call-template name="fill">
                <xsl:with-param name="text"><xsl:call-template name="fill">
                  <xsl:with-param name="text" select="kg:s('dx.egdi')"/>
                  <xsl:with-param name="name" select="'country'"/><xsl:with-param name="value" select="@country"/>
                </xsl:call-template></xsl:with-param>
                <xsl:with-param name="name" select="'year'"/><xsl:with-param name="value" select="@year"/>
              </xsl:call-template></xsl:with-param>
              <xsl:with-param name="name" select="'value'"/><xsl:with-param name="value" select="@value"/>
            </xsl:call-template></xsl:with-param>
            <xsl:with-param name="name" select="'band'"/><xsl:with-param name="value" select="kg:s(concat('dx.band.', @band))"/>
          </xsl:call-template>
          <xsl:text> (</xsl:text><xsl:value-of select="@source"/>)
        </p>
      </xsl:for-each>
    </section>
    <section class="dx" aria-labelledby="dx-recommend">
      <h2 id="dx-recommend"><xsl:value-of select="kg:s('dx.recommend')"/></h2>
      <ol class="recommend">
        <xsl:for-each select="recommend/system">
          <li>
            <h3><a href="{$root}{@path}"><xsl:value-of select="@title"/></a></h3>
            <p><xsl:value-of select="@summary"/></p>
            <ul class="reasons">
              <xsl:if test="problem"><li><xsl:value-of select="kg:s('dx.addresses')"/>: <xsl:for-each select="problem"><xsl:if test="position() &gt; 1">, </xsl:if><xsl:value-of select="."/></xsl:for-each></li></xsl:if>
              <xsl:if test="met"><li><xsl:value-of select="kg:s('dx.met')"/>: <xsl:for-each select="met"><xsl:if test="position() &gt; 1">, </xsl:if><xsl:value-of select="."/></xsl:for-each></li></xsl:if>
              <xsl:if test="missing"><li class="missing"><xsl:value-of select="kg:s('dx.missing')"/>: <xsl:for-each select="missing"><xsl:if test="position() &gt; 1">, </xsl:if><xsl:value-of select="."/></xsl:for-each></li></xsl:if>
              <xsl:if test="unknown"><li class="muted"><xsl:value-of select="kg:s('dx.unknown')"/>: <xsl:for-each select="unknown"><xsl:if test="position() &gt; 1">, </xsl:if><xsl:value-of select="."/></xsl:for-each></li></xsl:if>
              <xsl:if test="@foundation"><li><xsl:value-of select="kg:s('dx.foundation')"/></li></xsl:if>
            </ul>
            <p class="small muted"><xsl:value-of select="concat(kg:s('dx.priority'), ': ', @priority, ' = ', kg:s('dx.need'), ' ', @need, ' × ', kg:s('dx.gap'), ' ', @gap, ' × (0.5 + 0.5 × ', kg:s('dx.readiness'), ' ', @readiness, ')')"/><xsl:if test="@foundation"><xsl:value-of select="concat(' × (1 + 0.25 × ', @foundation, ')')"/></xsl:if></p>
          </li>
        </xsl:for-each>
      </ol>
    </section>
    <section class="dx" aria-labelledby="dx-indicators">
      <h2 id="dx-indicators"><xsl:value-of select="kg:s('dx.indicators')"/></h2>
      <div class="table-wrap" tabindex="0" role="region" aria-labelledby="dx-indicators">
        <table class="indicators">
          <thead><tr>
            <th scope="col"><xsl:value-of select="kg:s('dx.indicator')"/></th>
            <th scope="col" class="align-right"><xsl:value-of select="kg:s('dx.value')"/></th>
            <th scope="col" class="align-right"><xsl:value-of select="kg:s('dx.score')"/></th>
            <th scope="col"><xsl:value-of select="kg:s('page.sources')"/></th>
          </tr></thead>
          <xsl:for-each select="field">
            <tbody>
              <tr class="phase"><th scope="rowgroup" colspan="2"><xsl:value-of select="@name"/></th>
                <th class="align-right"><xsl:value-of select="@score"/></th><th></th></tr>
              <xsl:for-each select="indicator">
                <tr>
                  <td><xsl:value-of select="@name"/></td>
                  <td class="align-right">
                    <xsl:choose>
                      <xsl:when test="@method = 'yesno' and @value = '1'"><xsl:value-of select="kg:s('dx.yes')"/></xsl:when>
                      <xsl:when test="@method = 'yesno'"><xsl:value-of select="kg:s('dx.no')"/></xsl:when>
                      <xsl:otherwise><xsl:value-of select="@value"/></xsl:otherwise>
                    </xsl:choose>
                  </td>
                  <td class="align-right"><xsl:value-of select="@score"/></td>
                  <td class="small"><xsl:value-of select="@source"/></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </xsl:for-each>
        </table>
      </div>
    </section>
  </xsl:template>

  <xsl:template match="item[@kind='study']" mode="facts">
    <dl class="facts">
      <xsl:call-template name="fact">
        <xsl:with-param name="key" select="'study.city'"/>
        <xsl:with-param name="value"><a href="{$root}{city/@path}"><xsl:value-of select="city"/></a></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="fact">
        <xsl:with-param name="key" select="'study.year'"/>
        <xsl:with-param name="value" select="string(year)"/>
      </xsl:call-template>
      <xsl:if test="scope">
        <xsl:call-template name="fact">
          <xsl:with-param name="key" select="'study.scope_label'"/>
          <xsl:with-param name="value" select="kg:s(concat('study.scope.', current()/scope))"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:if test="problem">
        <xsl:call-template name="fact">
          <xsl:with-param name="key" select="'study.problem'"/>
          <xsl:with-param name="value" select="string(problem)"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:if test="proposed/v">
        <xsl:call-template name="fact">
          <xsl:with-param name="key" select="'study.proposed'"/>
          <xsl:with-param name="value">
            <xsl:for-each select="proposed/v">
              <xsl:if test="position() &gt; 1">, </xsl:if>
              <a href="{$root}{@path}"><xsl:value-of select="."/></a>
            </xsl:for-each>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:if>
    </dl>
  </xsl:template>

  <!-- Studies of this city, or studies that proposed this system. -->
  <!-- When the text already has a section of that name, the list
       continues it instead of repeating the heading. -->
  <xsl:template match="studies" mode="related">
    <xsl:variable name="title" select="kg:s(concat(current()/../@kind, '.studies'))"/>
    <section class="related">
      <xsl:choose>
        <xsl:when test="../toc/h[@level = '2'][normalize-space(.) = normalize-space($title)]">
          <xsl:attribute name="aria-label"><xsl:value-of select="$title"/></xsl:attribute>
        </xsl:when>
        <xsl:otherwise><h2><xsl:value-of select="$title"/></h2></xsl:otherwise>
      </xsl:choose>
      <ul>
        <xsl:for-each select="v">
          <li><a href="{$root}{@path}"><xsl:value-of select="."/></a></li>
        </xsl:for-each>
      </ul>
    </section>
  </xsl:template>

  <!-- Derived by kitgen from the front matter: never typed by hand. -->
  <xsl:template match="timeline" mode="plan">
    <!-- The timeline's smallest labels are 8.5 units: shown at the size
         it was drawn for (points, 4/3 px: 11.3 px), scrolling sideways. -->
    <figure class="chart diagram" tabindex="0">
      <img src="{$root}media/{@media}" width="{@width}" height="{@height}" style="width: {round(@width * 4 div 3)}px">
        <xsl:attribute name="alt">
          <xsl:for-each select="phase">
            <xsl:value-of select="position()"/>. <xsl:value-of select="@name"/> (<xsl:value-of select="@start"/> – <xsl:value-of select="@end"/>)<xsl:if test="position() != last()">; </xsl:if>
          </xsl:for-each>
        </xsl:attribute>
      </img>
      <figcaption><xsl:value-of select="kg:s('study.timeline')"/>
        <xsl:if test="../sample = 'true'"> (<xsl:value-of select="kg:s('notice.sample_short')"/>)</xsl:if></figcaption>
    </figure>
  </xsl:template>

  <xsl:template match="budget" mode="plan">
    <div class="table-wrap" tabindex="0">
      <table class="budget">
        <caption><xsl:value-of select="kg:s('study.costs')"/>
          <xsl:if test="../sample = 'true'"> (<xsl:value-of select="kg:s('notice.sample_short')"/>)</xsl:if></caption>
        <thead><tr>
          <th scope="col"><xsl:value-of select="kg:s('study.item')"/></th>
          <th scope="col" class="align-right"><xsl:value-of select="kg:s('study.amount')"/> (<xsl:value-of select="@currency"/>)</th>
        </tr></thead>
        <xsl:for-each select="phase">
          <tbody>
            <tr class="phase"><th scope="rowgroup" colspan="2"><xsl:value-of select="@n"/>. <xsl:value-of select="@name"/></th></tr>
            <xsl:for-each select="line">
              <tr><td><xsl:value-of select="@item"/></td><td class="align-right"><xsl:value-of select="@shown"/></td></tr>
            </xsl:for-each>
            <tr class="subtotal"><td><xsl:value-of select="kg:s('study.subtotal')"/></td><td class="align-right"><xsl:value-of select="@shown"/></td></tr>
          </tbody>
        </xsl:for-each>
        <tfoot><tr class="total"><th scope="row"><xsl:value-of select="kg:s('study.total')"/></th><td class="align-right"><xsl:value-of select="@shown"/></td></tr></tfoot>
      </table>
    </div>
  </xsl:template>

  <!-- The PDFs of this page (a city's: its kits, reports and diagnoses),
       in the page's language first, the others in a disclosure. -->
  <xsl:template name="item-downloads">
    <xsl:variable name="docs" select="/page/downloads/document"/>
    <xsl:if test="$docs">
      <section class="related downloads-here">
        <h2><xsl:value-of select="kg:s('nav.downloads')"/></h2>
        <xsl:if test="$docs[@lang = $lang]">
          <ul>
            <xsl:apply-templates select="$docs[@lang = $lang]" mode="item-dl">
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
            <ul>
              <xsl:for-each select="/page/site/languages/language[@code != $lang]">
                <xsl:apply-templates select="$docs[@lang = current()/@code]" mode="item-dl">
                  <xsl:sort select="string-length(substring-before('kit report diagnostic flyer', @kind))" data-type="number"/>
                </xsl:apply-templates>
              </xsl:for-each>
            </ul>
          </details>
        </xsl:if>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template match="document" mode="item-dl">
    <li><a href="{$root}{@href}" hreflang="{@lang}" type="application/pdf">
        <xsl:if test="@lang != $lang"><xsl:attribute name="lang"><xsl:value-of select="@lang"/></xsl:attribute></xsl:if>
        <xsl:value-of select="."/></a>
      <xsl:text> (</xsl:text><xsl:value-of select="kg:s(concat('downloads.kind.', current()/@kind))"/>
      <xsl:text>, PDF, </xsl:text><xsl:call-template name="language-name"><xsl:with-param name="code" select="@lang"/></xsl:call-template>)</li>
  </xsl:template>
</xsl:stylesheet>
