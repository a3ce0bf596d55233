x = '\N{Greek Small Letter Alpha}\N{EM DASH}\N{hangul syllable gag}'
