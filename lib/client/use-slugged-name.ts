'use client';
import { useState } from 'react';
import { slugify } from '@/lib/schemas/common';

/** A name field whose slug follows it until the user edits the slug themselves. */
export function useSluggedName(initial = '') {
  const [name, setNameState] = useState(initial);
  const [slug, setSlugState] = useState(slugify(initial));
  const [edited, setEdited] = useState(false);
  return {
    name,
    slug,
    setName: (value: string) => {
      setNameState(value);
      if (!edited) setSlugState(slugify(value));
    },
    setSlug: (value: string) => {
      setEdited(true);
      setSlugState(value);
    },
    reset: () => {
      setNameState('');
      setSlugState('');
      setEdited(false);
    },
  };
}
