#!/usr/bin/perl
# Content lint: reader text in the reference languages (en, ko) must not
# speak of "the article" or "the catalogue" the facts came from; a briefing
# states the fact and cites it under Sources. Usage: lint.pl DIR...
# Prints FILE:LINE:COL (columns in characters) for each hit, exits 1 on any.
use strict;
use warnings;
use utf8;
use File::Find;
binmode STDOUT, ':encoding(UTF-8)';
binmode STDERR, ':encoding(UTF-8)';

# Each rule: a pattern and what to write instead.
my @rules = (
	[qr/\b(?:the|this|our|source)(?:\s+source)?\s+(?:article|catalogue)s?\b/i,
	 'say the fact and cite it in sources: (do not speak of the article or the catalogue)'],
	[qr/카탈로그|기고문|기사|원문/,
	 '사실을 그대로 쓰고 출처는 sources:에 적으세요 (기사, 기고문, 원문, 카탈로그를 언급하지 마세요)'],
);

my @files;
for my $dir (@ARGV) {
	die "lint.pl: $dir: not a directory\n" unless -d $dir;
	find({ no_chdir => 1, wanted => sub {
		push @files, $_ if -f $_ && /\.(?:en|ko)\.md\z/;
	} }, $dir);
}
die "lint.pl: no .en.md or .ko.md files under @ARGV\n" unless @files;

my $hits = 0;
for my $f (sort @files) {
	open(my $fh, '<:encoding(UTF-8)', $f) or die "lint.pl: $f: $!\n";
	while (my $line = <$fh>) {
		for my $r (@rules) {
			while ($line =~ /$r->[0]/g) {
				my $col = $-[0] + 1;
				print STDERR "$f:$.:$col: \"$&\": $r->[1]\n";
				$hits++;
			}
		}
	}
	close $fh;
}
printf STDERR "%d file(s) checked, %d hit(s)\n", scalar @files, $hits;
exit($hits ? 1 : 0);
