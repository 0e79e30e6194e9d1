'use client';

import { useQueryClient } from '@tanstack/react-query';
import { signOut } from 'next-auth/react';
import { useState } from 'react';
import { clearConsistencyTokens } from '@/components/api/consistency-store';
import { Button } from '@/components/ui/button';

export function SignOutButton() {
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      variant="ghost"
      loading={busy}
      onClick={async () => {
        setBusy(true);
        // Another user may sign in on this tab: drop their cached reads and tokens.
        queryClient.clear();
        clearConsistencyTokens();
        await signOut({ callbackUrl: '/sign-in' });
      }}
    >
      Sign out
    </Button>
  );
}
