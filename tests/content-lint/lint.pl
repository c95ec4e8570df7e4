#!/usr/bin/perl
# Content lint: reader text must not speak of "the article" or "the
# catalogue" the facts came from; a briefing states the fact and cites it
# under Sources. The phrases are per language, in rules/LANG.txt (a hint,
# then one pattern a line); a .LANG.md file is checked against its
# language's rules. Usage: lint.pl DIR...
# Prints FILE:LINE:COL (columns in characters) for each hit, exits 1 on any.
use strict;
use warnings;
use utf8;
use File::Basename;
use File::Find;
binmode STDOUT, ':encoding(UTF-8)';
binmode STDERR, ':encoding(UTF-8)';

# language => [hint, pattern]
my %rules;
for my $file (glob(dirname(__FILE__) . '/rules/*.txt')) {
	my ($lang) = basename($file) =~ /^(.+)\.txt\z/;
	open(my $fh, '<:encoding(UTF-8)', $file) or die "lint.pl: $file: $!\n";
	my @lines = grep { !/^#/ && /\S/ } map { chomp; $_ } <$fh>;
	close $fh;
	die "lint.pl: $file: a hint and at least one pattern\n" unless @lines >= 2;
	my $hint = shift @lines;
	$rules{$lang} = [$hint, qr/(?:${\ join('|', @lines)})/i];
}

my @files;
for my $dir (@ARGV) {
	die "lint.pl: $dir: not a directory\n" unless -d $dir;
	find({ no_chdir => 1, wanted => sub {
		push @files, $_ if -f $_ && /\.([A-Za-z-]+)\.md\z/ && $rules{$1};
	} }, $dir);
}
die "lint.pl: no file under @ARGV in a language with rules\n" unless @files;

my $hits = 0;
for my $f (sort @files) {
	my ($lang) = $f =~ /\.([A-Za-z-]+)\.md\z/;
	my ($hint, $pattern) = @{$rules{$lang}};
	open(my $fh, '<:encoding(UTF-8)', $f) or die "lint.pl: $f: $!\n";
	while (my $line = <$fh>) {
		while ($line =~ /$pattern/g) {
			my $col = $-[0] + 1;
			print STDERR "$f:$.:$col: \"$&\": $hint\n";
			$hits++;
		}
	}
	close $fh;
}
printf STDERR "%d file(s) checked, %d hit(s)\n", scalar @files, $hits;
exit($hits ? 1 : 0);
